"""Overdose patterns: an overdose happening now, as the person or a bystander
writes it.

Owned by our clinical reviewer (see ``detector`` for how a text is read): change a
pattern only together with community/tests/crisis_table.py, and bump
``CRISIS_LIST_VERSION``. Each row is (comment, pattern): the comment says what the
group of statements is.
"""

from community.crisis.words import (
    CANT,
    IS,
    NAME_STARTS,
    NARCAN,
    OD,
    PERSON,
    PILLS,
    SOMEONE_NAMED,
    THEY,
)

OVERDOSE_PATTERNS = (
    # --- Overdose happening now -------------------------------------------------
    (
        "overdosing now, someone or oneself",
        rf"(?:overdosing|{OD} ?'?ing|od'?ing|oding|{OD}ing|od'?in|overdosin|"
        rf"(?:having|having an|going into|into|in) an? (?:{OD}|overdose))|(?:just|"
        r"might have|may have|might've|may've|has|have|'s|'ve|prolly|probably|"
        r"think (?:he|she|they|i|my \w+)(?: just)?|might of|may of) (?:overdosed|"
        rf"{OD} ?'?d|od'?ed|oded|o\.d\.'?d)|(?:is|is this|this is|it'?s|its|"
        rf"think it'?s|possible|looks like|i think this is) (?:an |a )?(?:{OD}|"
        r"overdose)(?= ?(?:$|[.,!?;]|what|help|right now|happening|please|or))",
    ),
    (
        "after using, body failing now",
        r"(?:i (?:just )?(?:did|took|used|shot|snorted|smoked|hit|injected|banged|"
        r"popped|tried)|after (?:using|i used|that shot|that hit|that line|the shot)|"
        r"(?:he|she|they) (?:just )?(?:did|took|used|shot up|snorted|smoked|"
        r"injected)) [^.!?]{0,60}?(?:can'?t breathe|cannot breathe|"
        r"can'?t catch my breath|feel like i'?m (?:dying|going to die|gonna die|"
        r"passing out|gonna pass out)|(?:everything|it'?s|my vision|"
        r"vision) (?:is )?going (?:dark|black)|i'?m fading|i'?m passing out|"
        r"my heart (?:is )?(?:slowing|stopping|racing and i can'?t)|"
        r"can'?t stay awake|can'?t keep my eyes open|i'?m blacking out|"
        r"lips (?:are )?(?:going|turning) (?:blue|numb))",
    ),
    (
        "symptoms first, then the use: my heart is slowing after that hit",
        r"(?:can'?t breathe|cannot breathe|can'?t catch my breath|"
        r"heart (?:is )?(?:slowing|stopping)|can'?t stay awake|"
        r"can'?t keep my eyes open|i'?m fading|i'?m passing out|"
        r"my breathing is (?:slow|weird|shallow)|going dark)[^.!?]{0,40}(?:after|"
        r"since) (?:using|i used|that (?:shot|hit|line|bump|pill)|i (?:did|took|shot|"
        r"smoked|snorted|used))|needle (?:still )?in (?:his|her|their|my \w+'?s) arm|"
        r"(?:cold|clammy) and (?:blue|grey|gray|purple)|(?:blue|grey|gray|"
        rf"purple) and (?:cold|clammy|limp|not breathing|not moving)|(?:{OD}|"
        rf"overdose) (?:in progress|happening (?:right )?now)|{CANT} wake up (?:him|"
        rf"her|them|my \w+|{THEY})(?! (?:for|in time|early|on time|before))",
    ),
    (
        "slumped, collapsed, foaming: and not moving",
        r"(?:slumped|slouched|collapsed|passed out|fell out|nodded out|nodding out|"
        r"keeled)(?: over)?,? (?:and |now )?(?:is |he'?s |she'?s |they'?re )?(?:not|"
        r"isn'?t|won'?t) (?:moving|breathing|waking|responding)|foaming at the mouth",
    ),
    (
        "someone about to overdose",
        rf"{THEY}(?:'s|'re| is| are)? (?:about to|going to|gonna) (?:{OD}|overdose)",
    ),
    (
        "someone overdosed, told as just happened",
        rf"{THEY} (?:just |has |'s |might have |may have |must have )?(?:overdosed|"
        rf"{OD} ?'?d|od'?ed|oded)",
    ),
    (
        "not breathing, breathing wrong",
        r"(?:not|isn'?t|is not|stopped|barely|hardly|aren'?t|are not|ain'?t|quit|"
        r"no longer|not really|isnt|can'?t tell if (?:he|she|they)(?:'s|'re| is|"
        r" are)) breath(?:e|ing|in'?)(?! (?:exercises?|right through|down my neck|"
        r"a word|properly during|during my|through (?:his|her|my|the|their) (?:nose|"
        r"mouth)|well))|(?:his|her|their|(?:he|she|they)(?:'s|'re| is|"
        r" are)) breathing (?:is |has |got |gotten |went |really |so |very |super |"
        r"way |all |kinda |real )*(?:slow(?:ed|ing)?|shallow|weird|strange|funny|"
        r"faint|raspy|rattly|ragged|gurgl\w*|barely|stopped|off|wrong)|(?:gurgling|"
        r"gurgle|gurgles|death rattle|making (?:a |this |that |these |weird |"
        r"strange |funny |awful |horrible )*(?:gurgling|snoring|choking|rattling|"
        rf"gasping) (?:sound|noise)s?)|(?:he|she|they|{PERSON})(?:'s|'re| is|"
        r" are)? (?:gasping|choking) (?:for air|and|on)",
    ),
    (
        "won't wake up, unresponsive",
        rf"(?:{THEY}{IS} (?:won'?t|will not|wont|isn'?t|is not|not|can'?t|cannot|"
        r"ain'?t) (?:wake|waking|wakin|come to|coming to|respond|responding|react|"
        r"reacting|move|moving)(?: up)?+|(?:and|but|now) (?:still |just )?(?:won'?t|"
        r"will not|wont|isn'?t|is not|can'?t) (?:wake|waking|respond|responding|"
        rf"come to)(?: up)?+|{NAME_STARTS}{SOMEONE_NAMED}(?:'s| is| just|"
        r" still)? (?:won'?t|will not|wont|isn'?t|is not) (?:wake|"
        r"waking) up)(?! (?:for|in time|early|on time|before|until|til|till|when|"
        r"at \d|at (?:night|noon|the)|to (?:my |his |her )?(?:texts?|messages?|"
        r"calls?|emails?|dms?|treatment|meds|medication|the medication|the dose|"
        r"therapy)|from (?:a|her|his|their) nap|me up))|^(?:won'?t|wont|"
        rf"will not) wake up|{CANT} (?:wake|rouse|get) (?:him|her|them|my \w+|"
        rf"{THEY})(?! up (?:for|in time|early|on time))|(?:{THEY}|"
        rf"{NAME_STARTS}{SOMEONE_NAMED})(?:'s|'re| is| are| was| seems|"
        r" looks)? (?:completely |totally |just )?(?:unresponsive|unconscious|"
        r"passed out cold|out cold|limp|lifeless)(?! (?:to (?:texts?|messages?|"
        r"calls?|treatment)|app|website|page))",
    ),
    (
        "lips or skin turning blue or grey",
        r"(?:lips?|fingertips|finger tips|fingernails|face|skin)(?: are| is|"
        r"'re)? (?:turning|turned|going|gone|getting|looks?|looking|went|all|are|is|"
        r"so|really|kinda|kind of|very|\s)*(?:blue|grey|gray|purple|ashen|bluish|"
        r"greyish|grayish|white)(?! (?:from|after|because|in the cold|"
        r"when i'?m cold))|blue (?:lips|fingertips|fingernails)(?!tick)|(?:he|she|"
        rf"they|{PERSON})(?:'s|'re| is| are)? (?:turning|turned|going|gone) (?:blue|"
        r"grey|gray|purple)|(?:he|she|they)(?:'s|'re| is| are) (?:turning |going |"
        r"literally |all |so )?(?:blue|grey|gray|purple)(?= ?(?:$|[!?]|and|,|what|"
        r"help|please|omg|wtf))|(?:and|now) (?:is |he'?s |she'?s |"
        r"they'?re )?(?:turning|going|gone|turned) (?:blue|grey|gray|purple)",
    ),
    (
        "reaching for naloxone now: for someone, asked, or not working",
        # For someone: "give him narcan", "sprayed her with naloxone".
        rf"(?:give|giving|gave|spray|sprayed|spraying|hit|hitting|administer|"
        rf"administered|administering|use|used|using) (?:him|her|them|it|my \w+|"
        rf"{PERSON}) (?:with )?(?:the |some |a |another |more |my |your )?"
        rf"(?:dose of )?{NARCAN}|"
        # Asked or reached for now: "is it time for the narcan?", "where's the narcan".
        rf"(?:should i|do i|can i|when do i|how do i|do we|should we|i'?m going to|"
        rf"i'?m about to|gonna|i need to|we need to|time for|time to|is it time for|"
        rf"i'?m|we'?re|need|needs|grab|bring|get me|where(?:'s| is| the)|anyone "
        rf"(?:have|got)|does anyone have|who has|just) (?:give|use|spray|giving|using|"
        rf"spraying|administer|gave|used|sprayed)? ?(?:him |her |them |it )?(?:the |"
        rf"some |a |my |your |any |that |more )?{NARCAN}(?! (?:training|class|"
        r"classes|kit|kits|program|at|from (?:the|a|my) (?:pharmacy|clinic|store)|"
        r"for (?:my|the|your|their) (?:kit|bag|car|home)|in (?:my|the|your|their|"
        r"every) (?:kit|bag|car|purse|glovebox|home|house)|on hand|everywhere|at home|"
        r"just in case|with (?:me|you)))|"
        # Another dose, or it is not working.
        rf"(?:second|another|third|2nd|3rd|one more) (?:(?:dose|spray) (?:of )?)?"
        rf"{NARCAN}|(?:gave|given|used|sprayed|tried) (?:him |her |them )?"
        rf"(?:two|2|three|3|both|all (?:my|the)) (?:doses|sprays) (?:of )?{NARCAN}|"
        rf"{NARCAN}[^.!?]{{0,40}}(?:still|isn'?t|is not|not|won'?t|no) (?:out|"
        rf"unconscious|unresponsive|waking|breathing|responding|coming to|"
        rf"coming round|change|response|blue)|{NARCAN} (?:is(?:n'?t| not)|"
        rf"did(?:n'?t| not)|not|isnt|ain'?t) (?:working|work|helping|doing anything)|"
        rf"{NARCAN}(?:'d|ed|ned|'ed) (?:him|her|them)",
    ),
    (
        "I took too much, now",
        r"(?:(?:i think i|think i|i might have|i may have|i might've|i just|i|i've|"
        r"ive|he|she|they|he just|she just|they just|might have|may have) |"
        r"^)(?:just )?(?:took|taken|take|used|did|done|had|snorted|smoked|shot|"
        r"injected|swallowed|doubled|hit|banged|popped) (?:up )?(?:way |far |wayy? |"
        r"a bit |a lot |so much |much )?too (?:much|many|big (?:a )?(?:hit|dose|shot|"
        r"line|bump))(?= ?(?:$|[.,!?;]|and|i'?m|im|now|help|i think|i feel|what|my|"
        r"of (?:my |the |it|them|that|this|those|these|his|her)?(?:fent\w*|dope|h|"
        r"heroin|oxys?|pills?|meds|medication|subs|xanax|bars|benzos|methadone|"
        r"percs?|it|them|that|this|stuff|shit|gear)|pills?|meds|fent\w*|dope|heroin|"
        r"oxys?|subs|bars|xanax|benzos|methadone|tonight|again|he|she|they))|(?:took|"
        r"taken|swallowed|popped|downed) (?:all|every one|the whole (?:bottle|pack|"
        rf"box)|a whole (?:bottle|pack|box)) (?:of )?(?:my |the )?{PILLS}?(?= ?(?:$|"
        r"[.,!?;]|and|i'?m|im|now|help|what|an hour|minutes))",
    ),
)
