"""Building blocks of the crisis and overdose patterns, in the matching form.

Owned by our clinical reviewer with the patterns (see ``detector``): casefolded,
apostrophes folded to ', a space is one space. Bump ``CRISIS_LIST_VERSION`` on any
change.
"""

SELF = r"(?:my ?(?:self|slef|sef)|meself|mself)"
KILL = r"(?:kill|kil|kll|klll)"
SUICIDE = r"(?:s(?:ui|iu|u|ue|oo)(?:c|s|ss|ci|sc)i?de|suicde|sewer ?slide)"
SUICIDAL = r"(?:s(?:ui|iu|u|ue)(?:c|s|ss|sc)i?(?:d|dd)(?:i|e)?al)"
DONT = r"(?:don'?t|do not|dont|dnt|didn'?t|did not)"
CANT = r"(?:can'?t|cannot|can not|cant|couldn'?t|could not)"
# "want to ", "wanna ", "going to ", "ready to "... with the trailing space.
WANT = (
    r"(?:(?:wants?|wanted|wanting|wish|wishing|need|needing|ready|going|trying|try|"
    r"plan|plans|planning|planned|deserve|about|meant|supposed|deciding|decided) "
    r"(?:to|2) |wanna |gonna |tryna |want |wan )"
)
TO = r"(?:to |2 )?"
JUST = (
    r"(?:just |really |honestly |literally |simply |kinda |seriously |actually |so |"
    r"only )*"
)
PILLS = (
    r"(?:pills?|meds|medications?|medicine|tablets|bottle|scripts?|subs|suboxone|"
    r"methadone|xanax|bars|benzos|oxys?|percs?|perc 30s|fent|fentanyl|dope|heroin|"
    r"sleeping pills|painkillers|pain killers|tylenol|insulin|stash|supply)"
)
PERSON = (
    r"(?:friend|boyfriend|girlfriend|bf|gf|husband|hubby|wife|partner|fiance|fiancee|"
    r"son|daughter|kid|child|brother|bro|sister|sis|mom|mum|mother|dad|father|"
    r"stepdad|stepmom|roommate|roomie|room mate|cousin|uncle|aunt|auntie|nephew|niece|"
    r"grandson|granddaughter|grandma|grandpa|buddy|homie|mate|neighbou?r|sponsor|"
    r"sponsee|coworker|co worker|guy|girl|man|woman|dude|person|ex|baby daddy|"
    r"baby mama|teen|teenager|best friend|housemate|flatmate|patient|client)"
)
# Someone else, as a bystander writes about them.
THEY = (
    rf"(?:he|she|they|him|her|them|someone|somebody|this (?:guy|girl|person|man|woman)|"
    rf"(?:my|our|the|his|her|their|a) (?:\w+ )?{PERSON})"
)
# A first name, as in "jake won't wake up": any word but things and oneself.
SOMEONE_NAMED = (
    r"(?!(?:i|we|you|it|this|that|app|apps|site|website|page|phone|screen|computer|"
    r"laptop|pc|mac|system|server|game|browser|market|team|account|tv|remote|car|"
    r"engine|keyboard|mouse|tab|program|device|ipad|tablet|printer|wifi|router|alarm|"
    r"body|brain|leg|arm|hand|foot|back|muscle|voice|cat|kitten|puppy|dog|baby|"
    r"toddler|newborn|infant|kids|kid|son|daughter|teen|teenager|husband|wife)\b)"
    r"[a-z]+"
)
# ...and only where a name would start a sentence: "omg jake won't wake up".
NAME_STARTS = r"(?:(?<=^)|(?<=[.,!?;:] )|(?<=and )|(?<=help )|(?<=omg )|(?<=please ))"
IS = r"(?:'s|'re| is| are| just| still| now| is still| isn'?t| was)?"
NARCAN = (
    r"(?:narcan|narcon|narkan|narcanne|naloxone|naloxon|nalaxone|naloxene|nalox|"
    r"noloxone|kloxxado|zimhi|nasal spray)"
)
OD = r"(?:o\.? ?d\.?|0d)"
