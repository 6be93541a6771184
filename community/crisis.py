"""Crisis resources and crisis-language detection (docs/safety.md sections 5 and 6).

Crisis resources: when their details were last checked against the source.
The contact details themselves live in templates/components/crisis_contacts.html
(and .txt for email) and nowhere else. (``HELPLINE_NUMBERS`` below is not contact
data for display: it is the list of digits the contact-details detector must never
flag, kept equal to the template's tel:/sms: numbers by a test.)

Detection: ``normalise`` puts text typed by a member into one canonical form;
``PhraseMatcher`` finds whole-word phrases in it with one compiled regex. The same
normaliser and matcher serve moderators' watched words (docs/moderation.md
section 5), so a phrase is always stored and matched the same way. ``detect``
decides whether a text is a crisis statement, an overdose happening now, or
neither, with the clinician-owned patterns below; see the notes above them.

Nothing here calls out of the process: plain ``re`` and ``unicodedata`` only.
"""

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

CRISIS_CONTACTS_VERIFIED_ON = datetime.date(2026, 11, 27)
CRISIS_CONTACTS_REVERIFY_AFTER = datetime.timedelta(days=180)


# --- Normalising ------------------------------------------------------------------

# Right and left single quotation marks, modifier-letter apostrophe, prime, grave
# accent and the full-width apostrophe all count as a plain apostrophe.
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032\u0060\uff07", "'"))
# Zero-width space, non-joiner, joiner, word joiner and the byte-order mark.
_ZERO_WIDTH = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff"))
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return ``text`` in the canonical form every phrase and post is matched in.

    In order: Unicode NFKC (full-width and other compatibility forms become plain
    characters) -> ``casefold()`` -> apostrophe-like characters become ``'`` ->
    zero-width characters are dropped -> every run of whitespace, newlines
    included, becomes one space, and the ends are stripped.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_APOSTROPHES).translate(_ZERO_WIDTH)
    return _WHITESPACE.sub(" ", text).strip()


# --- Whole-word phrase matching ---------------------------------------------------

# Whole words: no letter or digit may touch either end of a match. ``[^\W_]`` is
# "a word character other than the underscore", i.e. any Unicode letter or digit.
# We deliberately do not use ``\w`` here: it also counts ``_``, so Markdown
# emphasis such as ``_kill myself_`` would slip through.
_NOT_AFTER_LETTER_OR_DIGIT = r"(?<![^\W_])"
_NOT_BEFORE_LETTER_OR_DIGIT = r"(?![^\W_])"


def _phrase_pattern(phrase: str) -> str:
    """A normalised phrase as regex source: literal text, a space matches ``\\s+``."""
    return r"\s+".join(re.escape(word) for word in phrase.split(" "))


class PhraseMatcher:
    """Find whole-word phrases in text, with one regex compiled up front.

    Phrases are normalised on the way in; blank ones are ignored and duplicates
    collapsed. They are tried longest first, so at any starting point the longest
    phrase wins ("kill myself tonight" before "kill myself"). The scan looks at
    every starting point, so phrases that overlap ("anyone selling" and "selling
    subs" in "anyone selling subs") are both reported. Phrases are literal text:
    no wildcards or regex syntax.
    """

    def __init__(self, phrases: Iterable[str]):
        normalised = (normalise(phrase) for phrase in phrases)
        self.phrases: tuple[str, ...] = tuple(dict.fromkeys(p for p in normalised if p))
        if self.phrases:
            longest_first = sorted(self.phrases, key=lambda p: (-len(p), p))
            alternation = "|".join(_phrase_pattern(p) for p in longest_first)
            # A zero-width lookahead that captures lets finditer report a phrase
            # starting inside another match (overlaps), still in text order.
            self.pattern: re.Pattern[str] | None = re.compile(
                f"{_NOT_AFTER_LETTER_OR_DIGIT}"
                f"(?=({alternation}){_NOT_BEFORE_LETTER_OR_DIGIT})"
            )
        else:
            self.pattern = None

    def find(self, text: str) -> list[str]:
        """The distinct phrases found in ``text``, in order of first appearance."""
        if self.pattern is None:
            return []
        found = (
            _WHITESPACE.sub(" ", match.group(1))
            for match in self.pattern.finditer(normalise(text))
        )
        return list(dict.fromkeys(found))

    def __repr__(self) -> str:
        return f"<PhraseMatcher of {len(self.phrases)} phrases>"


# --- Crisis and overdose detection -----------------------------------------------
#
# OWNED BY OUR CLINICAL REVIEWER. The patterns below change only by code review,
# together with the test table in community/tests/crisis_table.py (every kind of
# statement it lists must still be found, and none of its ordinary sentences).
# Bump CRISIS_LIST_VERSION on any change: queue items record the version that
# matched, so a false alarm can be traced to the list that raised it.
#
# How a text is read (``detect``):
# 1. ``normalise`` (section 5 of docs/safety.md), after masking quoted titles
#    ("Suicide Is Painless", a film or song named in quotes).
# 2. A matching form: hyphens, slashes and emphasis marks become spaces ("self-harm",
#    "OD-ing"), light leetspeak inside words is undone ("k1ll my$elf"), letters
#    typed three or more times are cut to two ("dieeee" -> "diee"), letters typed
#    apart are joined ("s u i c i d e") and chat spellings read as words ("bout",
#    "tn").
# 3. One compiled regex with one named group per pattern. Patterns are written
#    in the matching form: a space is one space, ``'?`` an optional apostrophe.
# 4. Guards drop a match that is negated just before it ("I'd never kill myself",
#    "I'm not suicidal"), asked about ("how do I know if my friend is suicidal?"),
#    said of people in general, told in the past tense without a sign that it is
#    recent ("so boring I wanted to die lol"), or in a sentence about the distant
#    past ("years ago I wanted to die"); overdose wording also when the sentence
#    tells of a death ("my brother overdosed and died"), a fear for later, or is
#    teaching ("if someone isn't breathing, call 911").
# 5. Overdose wins over crisis: the note then leads with 911 and naloxone. The
#    phrase reported is the shortest match of the winning kind.

CRISIS_LIST_VERSION = 2


class Kind(StrEnum):
    CRISIS = "crisis"
    OVERDOSE = "overdose"
    NONE = "none"


@dataclass(frozen=True)
class Detection:
    """What ``detect`` found: the kind, its shortest matched phrase, the list."""

    kind: Kind = Kind.NONE
    phrase: str = ""
    list_version: int = CRISIS_LIST_VERSION

    def __bool__(self):
        return self.kind is not Kind.NONE


NOTHING = Detection()

# Building blocks (matching form: casefolded, apostrophes folded to ').
_SELF = r"(?:my ?(?:self|slef|sef)|meself|mself)"
_KILL = r"(?:kill|kil|kll|klll)"
_SUICIDE = r"(?:s(?:ui|iu|u|ue|oo)(?:c|s|ss|ci|sc)i?de|suicde|sewer ?slide)"
_SUICIDAL = r"(?:s(?:ui|iu|u|ue)(?:c|s|ss|sc)i?(?:d|dd)(?:i|e)?al)"
_DONT = r"(?:don'?t|do not|dont|dnt|didn'?t|did not)"
_CANT = r"(?:can'?t|cannot|can not|cant|couldn'?t|could not)"
# "want to ", "wanna ", "going to ", "ready to "... with the trailing space.
_WANT = (
    r"(?:(?:wants?|wanted|wanting|wish|wishing|need|needing|ready|going|trying|try|"
    r"plan|plans|planning|planned|deserve|about|meant|supposed|deciding|decided) "
    r"(?:to|2) |wanna |gonna |tryna |want |wan )"
)
_TO = r"(?:to |2 )?"
_JUST = (
    r"(?:just |really |honestly |literally |simply |kinda |seriously |actually |so |"
    r"only )*"
)
_PILLS = (
    r"(?:pills?|meds|medications?|medicine|tablets|bottle|scripts?|subs|suboxone|"
    r"methadone|xanax|bars|benzos|oxys?|percs?|perc 30s|fent|fentanyl|dope|heroin|"
    r"sleeping pills|painkillers|pain killers|tylenol|insulin|stash|supply)"
)
_PERSON = (
    r"(?:friend|boyfriend|girlfriend|bf|gf|husband|hubby|wife|partner|fiance|fiancee|"
    r"son|daughter|kid|child|brother|bro|sister|sis|mom|mum|mother|dad|father|"
    r"stepdad|stepmom|roommate|roomie|room mate|cousin|uncle|aunt|auntie|nephew|niece|"
    r"grandson|granddaughter|grandma|grandpa|buddy|homie|mate|neighbou?r|sponsor|"
    r"sponsee|coworker|co worker|guy|girl|man|woman|dude|person|ex|baby daddy|"
    r"baby mama|teen|teenager|best friend|housemate|flatmate|patient|client)"
)
# Someone else, as a bystander writes about them.
_THEY = (
    rf"(?:he|she|they|him|her|them|someone|somebody|this (?:guy|girl|person|man|woman)|"
    rf"(?:my|our|the|his|her|their|a) (?:\w+ )?{_PERSON})"
)
# A first name, as in "jake won't wake up": any word but things and oneself.
_SOMEONE_NAMED = (
    r"(?!(?:i|we|you|it|this|that|app|apps|site|website|page|phone|screen|computer|"
    r"laptop|pc|mac|system|server|game|browser|market|team|account|tv|remote|car|"
    r"engine|keyboard|mouse|tab|program|device|ipad|tablet|printer|wifi|router|alarm|"
    r"body|brain|leg|arm|hand|foot|back|muscle|voice|cat|kitten|puppy|dog|baby|"
    r"toddler|newborn|infant|kids|kid|son|daughter|teen|teenager|husband|wife)\b)"
    r"[a-z]+"
)
# ...and only where a name would start a sentence: "omg jake won't wake up".
_NAME_STARTS = r"(?:(?<=^)|(?<=[.,!?;:] )|(?<=and )|(?<=help )|(?<=omg )|(?<=please ))"
_IS = r"(?:'s|'re| is| are| just| still| now| is still| isn'?t| was)?"
_NARCAN = (
    r"(?:narcan|narcon|narkan|narcanne|naloxone|naloxon|nalaxone|naloxene|nalox|"
    r"noloxone|kloxxado|zimhi|nasal spray)"
)
_OD = r"(?:o\.? ?d\.?|0d)"

# (kind, comment, pattern). The comment says what the group of statements is.
_PATTERNS = (
    # --- Crisis: wanting to die, said outright ----------------------------------
    (
        Kind.CRISIS,
        "want or wish to die / to be dead",
        rf"{_WANT}{_JUST}(?:die|diee|be dead|be gone forever|not exist|stop existing|"
        r"stop living|stop breathing|cease to exist|not be alive|disappear forever|"
        r"d i e)(?! (?:(?:of|from) (?:embarrassment|cringe|laughter|laughing|shame|"
        r"boredom)|laughing|happy|old|in (?:my|your) arms|on (?:that|this) hill))",
    ),
    (
        Kind.CRISIS,
        "rather be dead, wanting to disappear",
        r"(?:i'?d|i would|id) (?:much )?rather (?:be dead|die|not (?:be here|"
        rf"be alive|exist|wake up))|{_WANT}{_JUST}disappear(?= ?(?:$|[.!?;]|forever|"
        r"for good|completely|and never|from (?:this|the) (?:world|earth)))|"
        r"to end it(?= ?(?:$|[.!?;]|tonight|now|for good))|"
        r"this is (?:my )?goodbye(?= ?(?:$|[.!?;]|everyone|all|guys|friends|forever|"
        r"for real|i love))|(?:i'?ve|i have) made (?:my )?peace(?: with (?:it|dying|"
        r"death|everything|god|leaving))?(?= ?(?:$|[.!?;]|and i'?m ready|"
        r"i'?m ready))|(?:won'?t|will not|wont) be alive|"
        r"don'?t see myself (?:being )?(?:alive|here|around) (?:next|in a|"
        rf"much longer|by)|(?:enough|all (?:my|the)) {_PILLS} (?:saved|stockpiled|"
        r"stashed|to (?:do it|die|end it|kill myself|never wake up|not wake up|od|"
        rf"overdose))|{_SUICIDE} (?:methods?|ways)",
    ),
    (
        Kind.CRISIS,
        "wishing to be dead or never born",
        r"wish(?:ing)? (?:that )?i (?:wasn'?t|weren'?t|wasnt|werent) (?:alive|here|"
        r"born|around)|wish(?:ing)? (?:that )?i (?:was|were|'d|had|"
        rf"could) {_JUST}(?:be )?(?:dead|gone|die|never (?:been )?born|"
        r"not (?:be )?here|disappear|not exist|fall asleep and)",
    ),
    (
        Kind.CRISIS,
        "killing oneself, any tense but the plain past",
        rf"(?:{_KILL}|unalive|un alive|hang|hanging|hung|shoot|shooting|drown|"
        r"drowning|poison|poisoning|starve|starving|gas|gassing|suffocate|"
        rf"suffocating|overdose)(?:s|ing|in'?)? ?{_SELF}(?! (?:at|over|"
        r"for) (?:the gym|work|my job|the office|practice|training|"
        r"school))(?! to (?:get|make|finish|keep|pay))(?! (?:laughing|with laughter|"
        r"a|an|some|up a|out|with (?:junk|fast) food|with work))",
    ),
    (
        Kind.CRISIS,
        "killing oneself: the hypothetical past (if I killed myself)",
        rf"if i (?:just )?(?:{_KILL}ed|unalived|ended it|ended my life|hung|shot|died|"
        r"was dead|was gone|wasn'?t here|disappeared)",
    ),
    (
        Kind.CRISIS,
        "to off oneself",
        rf"(?:to|gonna|wanna|will|'ll|might|should|just|about to) off(?:ing)? {_SELF}",
    ),
    (
        Kind.CRISIS,
        "kms, unalive, and other shorthand",
        r"(?<![0-9] )(?<![0-9])kms|k m s|k\.m\.s|(?:to|wanna|gonna|will|might|should|"
        r"thinking (?:of|about)|want to) un ?alive|unaliv(?:e|ing) (?:my ?self|me)",
    ),
    (
        Kind.CRISIS,
        "ending one's life or ending it all",
        r"end(?:ing|in|ed)? (?:my (?:own )?life|it all|it tonight|it today|it now|"
        r"it soon|it for good|it once and for all|everything(?= ?(?:$|[.,!?;]|"
        r"tonight|today|now|soon|for good))|my suffering|my existence|"
        r"things(?= ?(?:$|[.,!?;]|tonight|today|now|soon|for good|permanently)))",
    ),
    (
        Kind.CRISIS,
        "taking one's own life",
        r"tak(?:e|ing) my (?:own )?life(?! back)(?= ?(?:$|[.,!?;]|tonight|today|now|"
        r"soon|if|because|cause|and|so|but|with|by|when))|tak(?:e|ing) my own life",
    ),
    (
        Kind.CRISIS,
        "suicide, first person or now",
        r"(?:thinking|thought|thoughts|think|considering|considered|contemplating|"
        r"planning|plan|plans|attempt|attempting|attempted|try|trying|tempted|urges?|"
        r"ideation|idea|want|wanna|going|gonna|ready|close to|about to|commit|"
        r"committing|(?:a|my) (?:\w+ )?(?:plan|note|letter) for) (?:about |of |to |"
        r"by |with |on |for )?(?:committing |attempting |my |doing |a |it |"
        rf"suicide,? )?{_SUICIDE}(?! ?(?:&|and|\+)? ?(?:crisis )?(?:life ?lines?|"
        r"hot ?lines?|help ?lines?|prevention|awareness|lines?|survivors?|loss|"
        r"rates?|statistics|numbers?|squad|bomb\w*|watch|forest|song|movie|film|book|"
        r"episode|scene))",
    ),
    (
        Kind.CRISIS,
        "suicidal, about oneself",
        r"(?:i'?m|i am|am|im|i feel|feel|feeling|felt|been|getting|get|go|going|so|"
        r"very|really|pretty|super|extremely|actively|passively|kinda|kind of|more|"
        r"having|have|had|with|my|fighting|these|the|hella|mad|lowkey|highly|i get|"
        rf"getting really|turned|turning|became|becoming) {_JUST}{_SUICIDAL}|"
        rf"{_SUICIDAL}(?: again| tonight| today| right now| rn| lately| all day|"
        r" thoughts?| ideation| feelings?| urges?| and| af)(?! (?:is|are|can|may|"
        r"affects?|happens?|isn'?t|aren'?t|means?|was|were)\b)|"
        # A post, or a sentence, that is just the word.
        rf"(?:^|(?<=[.!?] )){_SUICIDAL}(?= ?(?:$|[.!?]))",
    ),
    (
        Kind.CRISIS,
        "a suicide note, plan or goodbye letter",
        r"(?:writing|write|wrote|written|finished|left|leaving|drafted|my) (?:a |"
        rf"my )?(?:{_SUICIDE}|goodbye) (?:note|letter|plan)s?",
    ),
    # --- Crisis: passive wishes to be gone --------------------------------------
    (
        Kind.CRISIS,
        "not wanting to live, be here, or wake up",
        rf"{_DONT} (?:\w+ )?(?:want|wanna|wish|feel like|care) {_TO}{_JUST}(?:live|"
        r"be alive|exist|be here|be around|wake up|keep living|go on|keep going|"
        r"be on this earth|breathe|see tomorrow|make it)(?! (?:early|so early|at \d|"
        r"before|for (?:work|school|class)|in the morning|with|to|without|like that|"
        r"the same|that way|here for|at this|in this (?:job|town|house|city|place)|"
        r"on (?:this|that) (?:job|team|dose)))",
    ),
    (
        Kind.CRISIS,
        "hoping not to wake up, sleeping forever",
        r"(?:hope|hoping|pray|praying|wish|wishing) (?:that )?i (?:don'?t|do not|"
        r"never|won'?t|wont|will not|didn'?t) (?:\w+ )?wake (?:up)?+(?! (?:with|"
        r"feeling|sick|hungover|tired|in pain|sore|early|at|before|late|too|so|until|"
        r"till|in time|on time|for))|(?:go to sleep|fall asleep|sleep|"
        r"close my eyes) and (?:never|not|don'?t) (?:wake|open them)|"
        rf"never wake up again|(?:{_WANT}|wish i could |"
        rf"just ){_JUST}(?:go to )?sleep forever|(?:{_WANT}|wish i could |"
        rf"just ){_JUST}(?:go to sleep|sleep|fall asleep) and (?:never|not) wake",
    ),
    (
        Kind.CRISIS,
        "others better off without me",
        r"(?:better off|happier|be better|be fine|be okay|be ok|"
        r"be easier) without me|better off (?:if i (?:was|were|wasn'?t|weren'?t|died|"
        r"disappeared|was gone)|dead|gone)|(?:no ?one|nobody|noone|no body) (?:would|"
        r"will|'d|is going to|gonna) (?:even )?(?:care|notice|miss me|"
        r"mind)(?: if i (?:\w+ )?(?:died|was gone|disappeared|wasn'?t here|"
        r"weren'?t here|left|was dead|killed))?(?= ?(?:$|[.,!?;]|if|when|anyway|"
        r"anyways))|(?:would|will|'d) (?:all )?(?:be )?(?:happier|better off|better|"
        r"fine|okay|ok|easier|relieved|lighter) (?:if i (?:wasn'?t|weren'?t|was not|"
        r"were not|wasnt|werent) (?:around|here|alive|in the picture)|if i (?:was|"
        r"were) (?:gone|dead|out of the picture)|if i (?:died|disappeared|"
        r"left for good))|(?:world|everyone|everybody|my (?:kids|family|wife|husband|"
        r"children)) (?:would|will|'d) be better (?:off )?without me|"
        r"i'?m (?:just )?a burden (?:to|on) (?:everyone|everybody|my family|"
        r"all of you|the world)",
    ),
    (
        Kind.CRISIS,
        "no point or reason in going on",
        rf"(?:no|any|zero|{_DONT} (?:really |even |honestly )?(?:see|find|"
        r"have) (?:the|a|any)|can'?t (?:see|find) (?:the|a|any)|what'?s the|"
        r"whats the|what is the) (?:point|reason|purpose|use) (?:in |of |to |"
        r"for )?(?:me )?(?:living|going on|being alive|being here|life|existing|"
        r"carrying on|continuing|waking up|trying anymore|staying alive|keep going|"
        r"live|go on|be here|stay|be alive|keeping going|anything anymore|"
        r"any of it anymore)|(?:what'?s|what is|whats) the point (?:of|in) (?:living|"
        r"life|going on|being alive|being here|any of it|anything|waking up|existing|"
        r"even trying|staying)|nothing (?:left )?to live for|(?:no|zero|"
        r"nothing) (?:will|reason) to live|lost (?:the|my|all) will to live|(?:no|"
        r"zero) will to live",
    ),
    (
        Kind.CRISIS,
        "can't go on, done with everything",
        rf"{_CANT} (?:go on|keep going|keep living|carry on|do (?:this|it|"
        r"life) (?:any ?more|any longer|no more)|take (?:it|this|this pain|life|"
        r"the pain) (?:any ?more|any longer|no more)|live like this|keep doing this|"
        r"handle (?:life|living|it|this) (?:any ?more|any longer)|be here any ?more|"
        r"live with (?:myself|this pain) any ?more)(?= ?(?:$|[.,!?;]|like this|"
        r"anymore|any more|any longer|i'?m|im|and|i just|i want|i'?m done|living|"
        r"with life|goodbye|honestly|tonight))|(?:i'?m|im|i am|i feel|feel|feeling|"
        r"being|just) (?:so |just )?(?:done|finished|through) with (?:life|living|"
        r"it all|everything|existing|being alive|this life|this world|this earth|"
        r"all of it|trying to live)(?= ?(?:$|[.,!?;]|i'?m|im|and|anymore|for good|"
        r"goodbye|honestly|tonight))|(?:tired|sick|exhausted) of (?:living|"
        r"being alive|existing|life|waking up|being here)(?= ?(?:$|[.,!?;]|i|and|so|"
        r"anymore|honestly|like this))|want (?:it all|everything|my life|life|this|"
        r"the pain|it) to (?:end|stop|be over)(?= ?(?:$|[.,!?;]|for good|forever|"
        r"permanently|tonight|now|and))",
    ),
    (
        Kind.CRISIS,
        "wanting out of life, no way out but death",
        r"(?:(?:hopefully|hope i|hoping i) (?:just )?(?:don'?t|not|never|won'?t)|"
        r"(?:and|then) (?:just |hopefully )?(?:never|not)) wake (?:up|"
        r"back up)(?! (?:early|for|before|at \d|in time|on time|till|until|with|"
        r"feeling|sick|hungover|tired|in pain|sore|late|too|so))|(?:relapse|use|"
        r"shoot up|take (?:it all|everything)|od|overdose) on purpose|"
        rf"{_WANT}{_JUST}(?:out of (?:this|my) life|off this (?:planet|earth|ride)|"
        r"to leave this (?:world|earth|life))|(?:no way out|only way out|"
        r"only way to stop (?:the|this) pain|only escape)(?: is| left| but| except|"
        r" other than)? (?:to )?(?:dying|death|die|suicide|ending it|ending my life|"
        r"killing myself|to end it)|(?:death|dying|suicide) (?:is|seems like|"
        r"feels like) (?:the|my) only (?:way out|answer|option|escape|choice)|"
        rf"{_WANT}{_JUST}end it(?= ?(?:$|[.!?;]|now|already|so bad|honestly|tonight|"
        r"for real|,? i'?m|,? i can'?t|,? i just|,? i really|i'?m done))|"
        r"how (?:much )?(?:longer|long) (?:i can|can i|i'?ll be able to|"
        r"i will be able to) (?:keep (?:living|going|doing this|on|holding on|"
        r"fighting)|go on|hold on|last|live like this|survive|stay alive|be here)|"
        r"(?:pills?|meds|tablets) (?:are |all )?(?:lined up|counted out|laid out|"
        r"in front of me|ready to go|all ready)|(?:counted|counting|lined|lining|"
        rf"laid|laying) (?:out |up )(?:all )?(?:my |the )?{_PILLS}(?! for (?:the week|"
        r"tomorrow|my (?:sister|mom|dad|kid|son|daughter)))",
    ),
    (
        Kind.CRISIS,
        "dwelling on dying, looking up ways",
        r"(?:think|thinking|thought|dream|dreaming|fantasi[sz]e|fantasi[sz]ing|"
        r"obsess|obsessing|obsessed) (?:a lot |all the time |"
        r"constantly )?about (?:dying|being dead|not being (?:here|alive|around)|"
        r"not existing|killing myself|ending (?:it|it all|my life|things)|"
        rf"my (?:own )?death|death|{_SUICIDE}|how to die|ways to die)|(?:research|"
        r"researching|researched|look|looking|looked|googl(?:e|ing|ed)|search|"
        r"searching|searched|read|reading) (?:up )?(?:for )?(?:ways|methods|how|"
        r"the (?:best|easiest|quickest) way|(?:a )?painless ways?) (?:to |"
        r"of )?(?:die|dying|kill myself|killing myself|end (?:it|my life)|overdose|"
        r"od|commit suicide|do it)|(?:painless|easiest|quickest|best|quick|"
        r"easy) ways? to (?:die|kill myself|end it|end my life|go to sleep forever)|"
        r"(?:use|turn|point|pointing|using|turning) (?:it|the gun|a gun|my gun|"
        rf"the knife|a knife|the blade) (?:on|against) {_SELF}|(?:written|wrote|"
        r"writing|left|leaving|finished) (?:\w+ )?(?:letters|notes|goodbyes|"
        r"goodbye messages) (?:to|for) (?:my|everyone|all|each of)|if (?:you|"
        r"u) (?:don'?t|never) (?:hear from me|see me (?:post|here)) (?:again|"
        r"tomorrow|after (?:today|tonight))|if i (?:don'?t|never) (?:post|reply|"
        r"come back|show up|answer) (?:again|tomorrow)[^.!?]{0,20}(?:you know why|"
        r"that'?s why|it'?s because|know that|i love)|end(?:ing)? (?:my|the|"
        r"this) pain (?:for good|forever|permanently|once and for all)|(?:offing|"
        rf"thinking (?:of|about) off(?:ing)?) {_SELF}|(?:no ?one|nobody|noone|"
        r"no body) (?:cares|would care|will care|gives a \w+) (?:if|"
        r"whether) i (?:live|die|lived|died|am alive|exist|'?m alive|'?m gone|"
        r"was gone|'?m here)|(?:life|my life|living) (?:is(?:n'?t| not)|ain'?t|"
        r"isnt) worth (?:living|it any ?more|going on|the pain)|not worth living|"
        r"(?:my )?life (?:is|feels) (?:so )?(?:pointless|meaningless|"
        r"worthless)(?= ?(?:$|[.!?;]|and|i|so|anyway))|(?:i'?m|im|i am|"
        r"i feel like) (?:just )?a (?:waste of (?:space|air|oxygen|life)|"
        r"burden)(?= ?(?:$|[.!?;,]|and|to (?:everyone|everybody|my|all|the|you|them|"
        r"him|her|every)|on (?:everyone|everybody|my|all|the)|everyone))|(?:everyone|"
        r"everybody|they|people|my family|the world|my kids) (?:would|will|"
        r"'d) (?:all )?be better off(?= ?(?:$|[.!?;]|anyway|honestly|tbh))|"
        r"(?:going to|gonna|i'?ll|i will|ready to|decided to|finally going to|"
        r"finally gonna) do it (?:tonight|today|this time|for real|now)(?= ?(?:$|"
        r"[.!?;]|and|i'?m|goodbye|sorry|,))",
    ),
    (
        Kind.CRISIS,
        "not deserving to live, not safe with oneself, joining the dead",
        r"(?:shouldn'?t|should not|don'?t deserve to|do not deserve to|"
        r"dont deserve to|no right to) (?:be alive|live|exist|be here|"
        r"have been born)(?! (?:after|given|considering|with|by now|like this|in|"
        r"this way|on the street|today|anyway))|why (?:am i|'?m i|do i|"
        r"bother) (?:even |still )?(?:alive|exist|existing|living|breathing|"
        r"here any ?more)|what i (?:might|could|would|will|'?ll|am going to|"
        rf"'?m going to) do to {_SELF}|(?:don'?t|do not|can'?t|"
        rf"cannot) trust {_SELF} (?:to (?:stay|be|keep myself) safe|alone|tonight|"
        r"right now|not to)|(?:not|n'?t) (?:feeling |feel )?safe (?:with|around|"
        rf"by) {_SELF}|(?:i'?m|im|i am) not safe (?:right now|tonight|alone|"
        r"at home)(?= ?(?:$|[.!?;,]))|(?:a plan and the means|the means and a plan|"
        r"the means to (?:do it|end it|die|kill myself))|(?:be|go) (?:with|"
        r"to) (?:my \w+|him|her|them|god|jesus) in heaven|(?:join|joining) (?:my \w+|"
        r"him|her|them) (?:soon|in heaven|on the other side)(?= ?(?:$|[.!?;,]))",
    ),
    # --- Crisis: using, or having been revived, as a way to die -------------------
    (
        Kind.CRISIS,
        "using until I die, hoping the drugs take me",
        r"(?:use|using|shoot|shooting|do|doing|take|taking|drink|drinking|smoke|"
        r"smoking|keep going) (?:\w+ ){0,3}(?:until|till|til|'til) (?:i|"
        r"it kills me|my heart) ?(?:die|don'?t wake up|stop breathing|'m dead|"
        r"am dead|drop|stops)?(?= ?(?:$|[.!?;,]|tonight|and))|(?:so much|enough|"
        r"too much) (?:\w+ )?(?:that |so |to )?(?:i )?(?:don'?t|won'?t|never|"
        r"not) (?:wake up|come back)|(?:to|that i|so i|and) (?:don'?t|won'?t|never|"
        r"not) (?:wake up|come back|come out of it)(?= ?(?:$|[.!?;,]|again|this time|"
        r"ever again|tonight|tomorrow))|(?:hope|hoping|pray|praying|"
        r"wish) (?:that )?(?:the |this |my )?(?:fent|fentanyl|dope|drugs?|batch|shot|"
        r"next (?:one|shot|hit)|it) (?:takes|kills|gets|finishes) me|(?:hope|hoping|"
        rf"pray|praying) (?:that )?i (?:{_OD}|overdose|die|don'?t make it)|(?:relapse|"
        r"use|go out|using) (?:and )?(?:just )?(?:never|not) come back|wish (?:the|"
        r"that|my|that last) (?:overdose|od|pills?|fent|shot) (?:had )?(?:killed|"
        r"took|taken|finished) me|wish i (?:had|'d) (?:died|not woken up|"
        r"never woken up|stayed dead|not made it|not been found)|wish i (?:never|"
        r"didn'?t) (?:woke|wake) up|(?:why|wish) (?:did )?(?:they|you|he|she|someone|"
        r"the (?:paramedics|emts|medics|nurses|doctors)) (?:hadn'?t |didn'?t |"
        r"never )?(?:narcan(?:ned|'d|ed)?|save|saved|revive|revived|bring back|"
        r"brought back|find|found) me(?! (?:in time|and i'?m (?:grateful|thankful|"
        r"glad)))|so i (?:could|can) (?:just )?(?:go|die|be gone|"
        r"rest forever)(?= ?(?:$|[.!?;,]))|(?:tired|sick) of fighting(?= ?(?:$|"
        r"[.!?;,]|anymore|any more|to stay alive|for my life))",
    ),
    # --- Crisis: self-harm ------------------------------------------------------
    (
        Kind.CRISIS,
        "hurting or cutting oneself, with intent or now",
        # "I harm myself", said as what one does.
        r"(?:i|i still|i sometimes|i often|i always|i just) (?:harm|cut|"
        rf"burn) {_SELF}(?! (?:on|while|when (?:shaving|cooking|chopping)|shaving|"
        r"cooking|by accident|accidentally|with (?:a|the) (?:knife|razor|can)|at|in|"
        rf"a|some))|(?:hurt|harm|cut|burn)(?:ing)? {_SELF} (?:again|on purpose|"
        r"tonight|intentionally|deliberately)(?! (?:at|in|while|playing|lifting|"
        r"working))|(?:to|wanna|gonna|urges? to|'ll|will|might|keep|kept|started|"
        r"start|been|thinking (?:of|about)|itching to|tempted to|"
        r"need to) (?:\w+ )?(?:hurt|harm|cut|burn|"
        rf"punish)(?:ing)? {_SELF}(?! (?:some slack|a break|off from|out of|out))|"
        rf"(?:hurting|harming|cutting|burning) {_SELF}(?! (?:some slack|a break|"
        r"off from|out of|out|on|in|by accident|while|with (?:a|the) knife while))|"
        r"(?:slit|slitting|cut|cutting|slash|slashing) (?:my|"
        r"both my) (?:own )?(?:wrists?|veins?|throat|arms?|thighs?)(?! (?:on|"
        r"by accident|while|when))|(?:i|i'?m|im|been|am|keep|started|start|to|"
        r"back to|relapsed (?:on|into)|urges? (?:to )?|urge to|thinking about|"
        r"about to|wanna|want to) (?:\w+ )?self ?harm(?:ing)?|(?:started|start|been|"
        r"am|i'?m|im|back to|urge to|urges to|keep) cutting(?: again|"
        r" myself)?(?= ?(?:$|[.,!?;]|again|and|tonight|to cope))",
    ),
    # --- Crisis: methods and plans ----------------------------------------------
    (
        Kind.CRISIS,
        "a plan with pills (how many, all of them)",
        r"(?:take|taking|swallow|swallowing|down|downing|chug|chugging|use|using|"
        r"shoot|shooting) (?:up )?(?:all|every (?:single |last )?(?:one|pill|tablet)|"
        r"the (?:whole|entire|rest of the)|a (?:whole|full|entire)|my whole|"
        r"everything|enough) ?(?:of )?(?:my |the |these |those |them|at once|bottle|"
        r"pack|box|stash|supply)?(?: ?(?:of )?(?:my |the |"
        rf"these )?{_PILLS})?(?: at once| tonight| and| to (?:die|end|sleep|od|"
        r"overdose|not wake|never wake|be done)|[.,!?]|$| in (?:the|my) (?:house|"
        r"medicine cabinet|drawer|cabinet|bottle)| i (?:have|own|can find|'ve got))|"
        r"how (?:many|much) (?:\w+ ){0,3}(?:would|will|does|do|to|it takes|"
        r"is) (?:\w+ ){0,3}(?:kill|die|od|overdose|be (?:enough|lethal|fatal)|"
        r"lethal|fatal|stop my heart|end it|never wake up|not wake up)|how (?:many|"
        r"much) (?:\w+ ){0,4}(?:would it take|does it take|will it take|"
        r"would i need|do i need)(?= ?(?:$|[.!?;]|to (?:die|not wake|never wake|end|"
        r"od|overdose|kill)))|(?:what'?s|what is|how much is) (?:a |the )?(?:lethal|"
        r"fatal|deadly) (?:dose|amount)|(?:saving|stockpiling|hoarding|collecting|"
        r"saved|stockpiled|hoarded) (?:up )?(?:my |all my |"
        rf"enough )?{_PILLS}(?: up)?(?= ?(?:$|[.,!?;]|for|to|and|so|just in case|"
        r"until))|(?:overdose|od|o\.d\.) on purpose|(?:intentionally|purposely|"
        rf"deliberately) (?:overdose|od)|(?:{_WANT}|i will |i'?ll |i might |"
        rf"i should ){_JUST}(?:overdose|od|o\.d\.)(?! ?(?:on (?:bad|sad|cute|emotions|"
        r"coffee|caffeine|sugar|candy|chocolate|netflix|tv|memes)))",
    ),
    (
        Kind.CRISIS,
        "hanging, shooting, jumping, traffic",
        r"(?:tie|tied|tying|made|make|making|bought|got|have|ready|hang|hung|put up|"
        r"rope for) (?:a |the |my |up a )?noose|noose (?:is )?(?:ready|tied|up)|"
        r"(?:the |a |my )?rope (?:is )?ready|(?:jump|jumping|throw myself|"
        r"throwing myself|leap|leaping) (?:off|from|in front of|into|onto) (?:a|the|"
        r"this|that|my|our) (?:\w+ )?(?:bridge|building|roof|rooftop|overpass|cliff|"
        r"balcony|train|bus|car|truck|window|parking garage|garage|ledge|tracks|"
        r"highway|freeway|traffic|river|tower)|(?:step|stepping|walk|walking|run|"
        r"running|lie|lying|lay|laying) (?:out )?(?:in front of|into|onto|on) (?:a|"
        r"the) (?:train|bus|truck|car|traffic|tracks|railway|road)|(?:drive|driving|"
        r"crash|crashing|steer|steering|swerve|swerving) (?:my car |the car |"
        r"my truck )?(?:into|off) (?:a|the) (?:wall|tree|river|bridge|cliff|pole|"
        r"oncoming|semi|truck|lake|barrier)|(?:gun|barrel|pistol) (?:to|in|"
        r"against) my (?:head|mouth|temple|chest)|(?:bullet|round) (?:in|through|"
        r"into) my (?:head|brain|skull)|(?:standing|sitting) (?:on|at) (?:the|"
        r"a) (?:edge of (?:the|a) )?(?:bridge|ledge|roof|rooftop|cliff|overpass|"
        r"balcony|train tracks|tracks)(?= ?(?:$|[.,!?;]|right now|now|tonight|and|"
        r"thinking|ready))",
    ),
    (
        Kind.CRISIS,
        "a date or a goodbye",
        r"(?:this|it) (?:is|will be|'s) (?:my|the) (?:last|final) (?:post|message|"
        r"time (?:i'?ll|i will|you'?ll) (?:post|write|hear from me)|goodbye|words|"
        r"night|day)(?! (?:at|of (?:work|school|the|my (?:job|shift|program|course|"
        r"detox|rehab|treatment))|before|in|off|for (?:a|the) (?:week|while|weekend|"
        r"holidays|month)|for (?:today|tonight|now|the (?:day|night))|today|tonight|"
        r"here for a))|my (?:last|final) (?:post|message|goodbye|words|night alive|"
        r"night on earth|day alive|day on earth)(?! (?:at|of|before|for (?:a|"
        r"the) (?:week|while|weekend|holidays|month)|for (?:today|tonight|now|"
        r"the (?:day|night))|today|tonight))|goodbye (?:forever|cruel world|world|"
        r"to (?:this|the) world)|(?:saying|say|said) (?:my )?goodbyes?(?: to (?:every"
        r"one|you all|y'?all|all of you|my (?:kids|family|children|dog|"
        r"cat)))?(?= ?(?:$|[.,!?;]|tonight|forever|for good|one last|before i go|"
        r"before i die))|tell (?:my (?:\w+ )?(?:kids|children|son|daughter|boys|"
        r"girls|babies|baby|family|mom|mum|mother|dad|father|wife|husband|partner|"
        r"parents|sister|brother|grandkids|girlfriend|boyfriend)|them|everyone|her|"
        r"him)(?: that)? i(?:'m| am)? (?:love|loved|sorry)(?: (?:them|him|her|you|"
        r"everyone|so much))?(?= ?(?:$|[.,!?;]|so much|and|for me|please|always|when|"
        r"if))|(?:take|taking) care of (?:my (?:kids|children|son|daughter|dog|cat|"
        r"family|babies|pets?)) (?:for me|when i'?m gone|after i'?m gone)|(?:won'?t|"
        r"will not|wont) be (?:here|around|alive) (?:much longer|for much longer|"
        r"any ?more|by (?:tomorrow|morning|the morning|monday|friday|sunday|"
        r"the weekend)|to see)|(?:i'?ll|i will|ill) be (?:dead|gone) (?:by|before|"
        r"soon|tomorrow|tonight|in a (?:few|couple)|when you read)|(?:when|"
        r"by the time) you (?:read|see|find) this,? i'?(?:ll| will)? ?(?:be|am|"
        r"'m) (?:dead|gone)|(?:i'?ve|ive|i have|already) (?:set|picked|chosen|"
        r"decided on) (?:a|the) (?:date|day)(?! (?:for|to start|to quit|to begin|"
        r"of my|at))|(?:giving|gave) away (?:all )?my (?:stuff|things|belongings|"
        r"possessions|dog|cat|pets?)(?= ?(?:$|[.,!?;]|because|cause|since|so|before|"
        r"and))|(?:know|decided|figured out|worked out|planned) (?:exactly )?(?:how|"
        r"when|where) (?:i'?m going to|i'?ll|i will|im gonna|i'?m gonna|to) (?:do it|"
        r"end it|die|kill)|(?:i'?ve|ive|i have) (?:got |made )?(?:a|the|"
        r"my) plan (?:to|for how to|for when i) (?:die|end|kill|do it|go)",
    ),
    (
        Kind.CRISIS,
        "someone else threatening to take their life now",
        rf"{_THEY}{_IS} (?:(?:says|said|keeps saying|kept saying|told me|texted|"
        r"texting|is talking about|talking about|talks about|threatening|threatened|"
        r"wants|want|going|gonna|planning|plans|trying|tried|"
        r"about to) (?:\w+ )?){1,2}(?:to )?(?:kill(?:ing)? (?:him|her|them)sel(?:f|"
        r"ves)|end(?:ing)? (?:his|her|their) (?:own )?life|suicide|commit suicide|"
        r"take (?:his|her|their) (?:own )?life|jump off|overdose on purpose|"
        rf"od on purpose)|{_THEY}(?:'s| is) {_JUST}{_SUICIDAL}",
    ),
    # --- Overdose happening now -------------------------------------------------
    (
        Kind.OVERDOSE,
        "overdosing now, someone or oneself",
        rf"(?:overdosing|{_OD} ?'?ing|od'?ing|oding|{_OD}ing|od'?in|overdosin|"
        rf"(?:having|having an|going into|into|in) an? (?:{_OD}|overdose))|(?:just|"
        r"might have|may have|might've|may've|has|have|'s|'ve|prolly|probably|"
        r"think (?:he|she|they|i|my \w+)(?: just)?|might of|may of) (?:overdosed|"
        rf"{_OD} ?'?d|od'?ed|oded|o\.d\.'?d)|(?:is|is this|this is|it'?s|its|"
        rf"think it'?s|possible|looks like|i think this is) (?:an |a )?(?:{_OD}|"
        r"overdose)(?= ?(?:$|[.,!?;]|what|help|right now|happening|please|or))",
    ),
    (
        Kind.OVERDOSE,
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
        Kind.OVERDOSE,
        "symptoms first, then the use: my heart is slowing after that hit",
        r"(?:can'?t breathe|cannot breathe|can'?t catch my breath|"
        r"heart (?:is )?(?:slowing|stopping)|can'?t stay awake|"
        r"can'?t keep my eyes open|i'?m fading|i'?m passing out|"
        r"my breathing is (?:slow|weird|shallow)|going dark)[^.!?]{0,40}(?:after|"
        r"since) (?:using|i used|that (?:shot|hit|line|bump|pill)|i (?:did|took|shot|"
        r"smoked|snorted|used))|needle (?:still )?in (?:his|her|their|my \w+'?s) arm|"
        r"(?:cold|clammy) and (?:blue|grey|gray|purple)|(?:blue|grey|gray|"
        rf"purple) and (?:cold|clammy|limp|not breathing|not moving)|(?:{_OD}|"
        rf"overdose) (?:in progress|happening (?:right )?now)|{_CANT} wake up (?:him|"
        rf"her|them|my \w+|{_THEY})(?! (?:for|in time|early|on time|before))",
    ),
    (
        Kind.OVERDOSE,
        "slumped, collapsed, foaming: and not moving",
        r"(?:slumped|slouched|collapsed|passed out|fell out|nodded out|nodding out|"
        r"keeled)(?: over)?,? (?:and |now )?(?:is |he'?s |she'?s |they'?re )?(?:not|"
        r"isn'?t|won'?t) (?:moving|breathing|waking|responding)|foaming at the mouth",
    ),
    (
        Kind.OVERDOSE,
        "someone about to overdose",
        rf"{_THEY}(?:'s|'re| is| are)? (?:about to|going to|gonna) (?:{_OD}|overdose)",
    ),
    (
        Kind.OVERDOSE,
        "someone overdosed, told as just happened",
        rf"{_THEY} (?:just |has |'s |might have |may have |must have )?(?:overdosed|"
        rf"{_OD} ?'?d|od'?ed|oded)",
    ),
    (
        Kind.OVERDOSE,
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
        rf"gasping) (?:sound|noise)s?)|(?:he|she|they|{_PERSON})(?:'s|'re| is|"
        r" are)? (?:gasping|choking) (?:for air|and|on)",
    ),
    (
        Kind.OVERDOSE,
        "won't wake up, unresponsive",
        rf"(?:{_THEY}{_IS} (?:won'?t|will not|wont|isn'?t|is not|not|can'?t|cannot|"
        r"ain'?t) (?:wake|waking|wakin|come to|coming to|respond|responding|react|"
        r"reacting|move|moving)(?: up)?+|(?:and|but|now) (?:still |just )?(?:won'?t|"
        r"will not|wont|isn'?t|is not|can'?t) (?:wake|waking|respond|responding|"
        rf"come to)(?: up)?+|{_NAME_STARTS}{_SOMEONE_NAMED}(?:'s| is| just|"
        r" still)? (?:won'?t|will not|wont|isn'?t|is not) (?:wake|"
        r"waking) up)(?! (?:for|in time|early|on time|before|until|til|till|when|"
        r"at \d|at (?:night|noon|the)|to (?:my |his |her )?(?:texts?|messages?|"
        r"calls?|emails?|dms?|treatment|meds|medication|the medication|the dose|"
        r"therapy)|from (?:a|her|his|their) nap|me up))|^(?:won'?t|wont|"
        rf"will not) wake up|{_CANT} (?:wake|rouse|get) (?:him|her|them|my \w+|"
        rf"{_THEY})(?! up (?:for|in time|early|on time))|(?:{_THEY}|"
        rf"{_NAME_STARTS}{_SOMEONE_NAMED})(?:'s|'re| is| are| was| seems|"
        r" looks)? (?:completely |totally |just )?(?:unresponsive|unconscious|"
        r"passed out cold|out cold|limp|lifeless)(?! (?:to (?:texts?|messages?|"
        r"calls?|treatment)|app|website|page))",
    ),
    (
        Kind.OVERDOSE,
        "lips or skin turning blue or grey",
        r"(?:lips?|fingertips|finger tips|fingernails|face|skin)(?: are| is|"
        r"'re)? (?:turning|turned|going|gone|getting|looks?|looking|went|all|are|is|"
        r"so|really|kinda|kind of|very|\s)*(?:blue|grey|gray|purple|ashen|bluish|"
        r"greyish|grayish|white)(?! (?:from|after|because|in the cold|"
        r"when i'?m cold))|blue (?:lips|fingertips|fingernails)(?!tick)|(?:he|she|"
        rf"they|{_PERSON})(?:'s|'re| is| are)? (?:turning|turned|going|gone) (?:blue|"
        r"grey|gray|purple)|(?:he|she|they)(?:'s|'re| is| are) (?:turning |going |"
        r"literally |all |so )?(?:blue|grey|gray|purple)(?= ?(?:$|[!?]|and|,|what|"
        r"help|please|omg|wtf))|(?:and|now) (?:is |he'?s |she'?s |"
        r"they'?re )?(?:turning|going|gone|turned) (?:blue|grey|gray|purple)",
    ),
    (
        Kind.OVERDOSE,
        "reaching for naloxone now: for someone, asked, or not working",
        # For someone: "give him narcan", "sprayed her with naloxone".
        rf"(?:give|giving|gave|spray|sprayed|spraying|hit|hitting|administer|"
        rf"administered|administering|use|used|using) (?:him|her|them|it|my \w+|"
        rf"{_PERSON}) (?:with )?(?:the |some |a |another |more |my |your )?"
        rf"(?:dose of )?{_NARCAN}|"
        # Asked or reached for now: "is it time for the narcan?", "where's the narcan".
        rf"(?:should i|do i|can i|when do i|how do i|do we|should we|i'?m going to|"
        rf"i'?m about to|gonna|i need to|we need to|time for|time to|is it time for|"
        rf"i'?m|we'?re|need|needs|grab|bring|get me|where(?:'s| is| the)|anyone "
        rf"(?:have|got)|does anyone have|who has|just) (?:give|use|spray|giving|using|"
        rf"spraying|administer|gave|used|sprayed)? ?(?:him |her |them |it )?(?:the |"
        rf"some |a |my |your |any |that |more )?{_NARCAN}(?! (?:training|class|"
        r"classes|kit|kits|program|at|from (?:the|a|my) (?:pharmacy|clinic|store)|"
        r"for (?:my|the|your|their) (?:kit|bag|car|home)|in (?:my|the|your|their|"
        r"every) (?:kit|bag|car|purse|glovebox|home|house)|on hand|everywhere|at home|"
        r"just in case|with (?:me|you)))|"
        # Another dose, or it is not working.
        rf"(?:second|another|third|2nd|3rd|one more) (?:(?:dose|spray) (?:of )?)?"
        rf"{_NARCAN}|(?:gave|given|used|sprayed|tried) (?:him |her |them )?"
        rf"(?:two|2|three|3|both|all (?:my|the)) (?:doses|sprays) (?:of )?{_NARCAN}|"
        rf"{_NARCAN}[^.!?]{{0,40}}(?:still|isn'?t|is not|not|won'?t|no) (?:out|"
        rf"unconscious|unresponsive|waking|breathing|responding|coming to|"
        rf"coming round|change|response|blue)|{_NARCAN} (?:is(?:n'?t| not)|"
        rf"did(?:n'?t| not)|not|isnt|ain'?t) (?:working|work|helping|doing anything)|"
        rf"{_NARCAN}(?:'d|ed|ned|'ed) (?:him|her|them)",
    ),
    (
        Kind.OVERDOSE,
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
        rf"box)|a whole (?:bottle|pack|box)) (?:of )?(?:my |the )?{_PILLS}?(?= ?(?:$|"
        r"[.,!?;]|and|i'?m|im|now|help|what|an hour|minutes))",
    ),
)


def _whole_words_in_exceptions(pattern: str) -> str:
    """End every "not followed by" exception (``(?! ...)``) at a word boundary.

    So "don't want to wake up (?! to...)" still matches "... wake up tomorrow".
    """
    out, depth_stack, i = [], [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[":  # a character class: copy it whole
            end = pattern.index("]", i + 2 if pattern[i + 1] in "^]" else i + 1)
            out.append(pattern[i : end + 1])
            i = end + 1
            continue
        if char == "(":
            depth_stack.append(pattern.startswith("(?! ", i))
        elif char == ")" and depth_stack.pop():
            out.append(_NOT_BEFORE_LETTER_OR_DIGIT)
        out.append(char)
        i += 1
    return "".join(out)


def _compile_detector():
    # Overdose patterns are tried first: where both could start, the emergency wins.
    alternation = "|".join(
        f"(?P<p{number}>{_whole_words_in_exceptions(pattern)})"
        for number, (kind, _c, pattern) in sorted(
            enumerate(_PATTERNS), key=lambda row: row[1][0] is not Kind.OVERDOSE
        )
    )
    return re.compile(
        f"{_NOT_AFTER_LETTER_OR_DIGIT}(?:{alternation}){_NOT_BEFORE_LETTER_OR_DIGIT}"
    )


_DETECTOR = _compile_detector()
_KIND_OF_GROUP = {f"p{number}": kind for number, (kind, _c, _p) in enumerate(_PATTERNS)}


# --- Reading a text ----------------------------------------------------------------

# A quoted span that names a song, film, book or show is not the member speaking:
# "Suicide Is Painless", 'I Want to Die' by someone. A span is a title when most of
# its words are capitalised (not shouted in capitals), or a title word is next to it.
_QUOTED = re.compile(
    # Double quotes, straight and curly, or single quotes that are not apostrophes.
    '["\u201c\u201d\u201e\u00ab\u00bb]([^"\u201c\u201d\u201e\u00ab\u00bb\n]{1,80})'
    '["\u201c\u201d\u201e\u00ab\u00bb]'
    r"|(?<![^\W_])['\u2018](?![st] )([^'\u2018\u2019\n]{1,80})['\u2019](?![^\W_])"
)
_TITLE_CUE = re.compile(
    r"(?:song|songs|track|album|film|movie|book|novel|show|series|episode|poem|play|"
    r"podcast|documentary|doc|lyrics?|titled|called|named|by|sings?|sang|singing|"
    r"listening to|listened to|watching|watched|reading|read|quote|quoting|line from|"
    r"joke|joking|jokes|word|words|term|terms|phrase|phrases|hashtag|slang|saying)"
    r"\W*$",
    re.IGNORECASE,
)
_TITLE_CUE_AFTER = re.compile(
    r"^\W*(?:by|song|film|movie|book|album|track|episode|is (?:a|my|the|such a) "
    r"(?:great |good |sad |beautiful )?(?:song|film|movie|book|album|track|show))",
    re.IGNORECASE,
)


def _is_title(span: str, before: str, after: str) -> bool:
    words = [word for word in re.findall(r"[^\W\d_]+", span) if len(word) > 3]
    if _TITLE_CUE.search(before[-25:]) or _TITLE_CUE_AFTER.search(after[:40]):
        return True
    if not words or span.isupper():
        return False
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= 2 and capitalised == len(words)


def _mask_titles(text: str) -> str:
    def mask(match):
        span = match.group(1) or match.group(2)
        before, after = text[: match.start()], text[match.end() :]
        return " " if _is_title(span, before, after) else match.group()

    return _QUOTED.sub(mask, text)


# "k1ll my$elf" -> "kill myself", only inside words that also hold letters and are
# not a number with a unit ("4am", "30mg", "2nd").
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_LEET_WORD = re.compile(r"[\w@$]*[^\W\d_][\w@$]*")
_NUMBER_WITH_UNIT = re.compile(r"\d+[^\W\d_]*")
# Hyphen-minus, the Unicode hyphens and dashes, and emphasis or slash marks.
_SEPARATORS = re.compile(r"[-\u2010-\u2015_*~/|\\]+")
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
# Chat spellings read as the words they stand for ("thinkin bout it", "tn").
_CHAT_WORDS = {
    "abt": "about",
    "bout": "about",
    "'bout": "about",
    "thinkin": "thinking",
    "thinkn": "thinking",
    "tn": "tonight",
    "2nite": "tonight",
    "tonite": "tonight",
    "rlly": "really",
    "rly": "really",
    "srsly": "seriously",
    "prolly": "probably",
    "u": "you",
    "ur": "your",
}
_CHAT_WORD = re.compile(
    r"(?<![\w'])(?:" + "|".join(map(re.escape, _CHAT_WORDS)) + r")(?![\w'])"
    r"|(?<![\w'])b(?= (?:dead|gone|alive|here)\b)"
)
# "s u i c i d e", "k.m.s": three or more letters typed apart become one word.
_SPELLED_OUT = re.compile(r"(?<![\w'])(?:[^\W\d_][ .]){2,}[^\W\d_](?![^\W_])")


def _unleet(match):
    word = match.group()
    if _NUMBER_WITH_UNIT.fullmatch(word) or not re.search(r"[0-9@$]", word):
        return word
    if word.startswith("@") or word.endswith("@"):
        return word
    return word.translate(_LEET)


def matching_form(text: str) -> str:
    """``text`` as the detector reads it (see the notes above the patterns)."""
    text = normalise(_mask_titles(unicodedata.normalize("NFKC", text)))
    text = _SEPARATORS.sub(" ", text)
    text = _LEET_WORD.sub(_unleet, text)
    text = _REPEATS.sub(r"\1\1", text)
    text = _SPELLED_OUT.sub(lambda match: re.sub("[ .]", "", match.group()), text)
    text = _CHAT_WORD.sub(lambda match: _CHAT_WORDS.get(match.group(), "be"), text)
    return _WHITESPACE.sub(" ", text).strip()


# Guards. A clause ends at . ! ? ; , : or a joining word (but, and, so, because);
# a sentence at . ! ? only.
_CLAUSE_START = re.compile(
    r".*(?:[.!?;,:]|\b(?:but|though|and|so|because|cause|cuz)\b)", re.DOTALL
)
_SENTENCE_START = re.compile(r".*[.!?]", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?]")
# Said just before a match, these words deny it: "I'd never kill myself", "not
# suicidal", "I don't want to die".
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no|nor|don'?t|dont|do not|didn'?t|won'?t|wont|wouldn'?t|"
    r"isn'?t|wasn'?t|aren'?t|ain'?t|no longer|without|stopped|quit|"
    r"not anymore)|n't)(?: \w+){0,2}$"
)
_JOINING_WORD = re.compile(r"(?:so|and|then|because)\b")
# "I can't stop thinking about it" insists; it does not deny.
_INSISTS = re.compile(
    r"(?:can'?t|cannot|couldn'?t|won'?t) (?:stop|help|quit|shake)(?: \w+)?$"
)
_NEGATED_AFTER = re.compile(
    r"^ ?(?:not anymore|any ?more\? no|anymore\?? no|and i said no|i said no|and "
    r"(?:i )?(?:said|told (?:her|him|them)) (?:no|i'?m not|i wasn'?t))"
)
# Asking about someone, or being asked, is not saying it: "how do I know if my
# friend is suicidal?", "she asked if I'm suicidal". ("What if I just..." is.)
_ASKING = re.compile(
    r"\b(?:asked|asks|asking|ask) (?:me |him |her |them |us )?(?:if|whether)|"
    r"how (?:do|can|would|should|could) (?:i|you|we|someone|people) (?:know|tell|"
    r"help|support|talk|recogni[sz]e|spot)|how to (?:know|tell|help|support|talk|"
    r"recogni[sz]e|spot)"
)
# A sentence about the distant past, or about someone's death, is a story, not an
# alarm: "years ago I wanted to die", "my uncle overdosed in 2015 and died".
_HISTORICAL = re.compile(
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|several|"
    r"a few|a couple of|couple) (?:years?|yrs?|decades?|months) (?:ago|back|"
    r"before|later)|(?:years?|yrs?|months|decades?) since|years? ago|months ago|"
    r"decades? ago|"
    r"long (?:time )?ago|back (?:then|when|in (?:the day|19|20|my))|used to|"
    r"(?:in|of|from|during) (?:early |late |mid )?(?:19|20)\d\d|last year|"
    r"a year ago|"
    r"when i was (?:using|younger|a kid|a teen|a teenager|in (?:active )?addiction|"
    r"still using|in high school|in college|\d+)|before (?:i got (?:clean|sober|help)|"
    r"recovery|treatment|rehab|methadone|suboxone|bupe|i found|i started|i came)|"
    r"in my (?:active )?(?:addiction|using days|twenties|teens|20s|30s)|"
    r"as a (?:teen|teenager|kid|child|young adult)|in (?:high school|college|middle "
    r"school)|"
    r"at my (?:lowest|worst)|those days|been gone \w+ (?:years|months)|used to be|"
    r"i was \d+|when i first|the first time i|my first (?:overdose|od)|"
    r"(?:twice|three times|\d+ times|several times|many times|multiple times) "
    r"(?:before|in|over|during))\b"
)
# Someone's death told in the sentence: an overdose story, not an overdose now
# ("my brother overdosed and died"). Only for overdose wording: grief can come
# with a crisis of one's own ("my mom died and I don't want to live anymore").
_DEATH = re.compile(
    r"\b(?:anniversary|funeral|memorial|rip|rest in peace|passed away|passed on|"
    r"died|dead now|didn'?t make it|lost (?:him|her|them|my \w+|a \w+) to|in memory|"
    r"grave|has been gone|have been gone|since (?:he|she|they) (?:died|passed))\b"
)
# ...unless the same sentence says it is happening again now.
_HAPPENING_NOW = re.compile(
    r"\b(?:again|tonight|right now|rn|this morning|last night|today|currently|"
    r"as we speak|at the moment|all over again|back again|is back|are back|"
    r"coming back|help me|help|please|what do i do)\b"
)
# Teaching and talking about overdose or suicide in general, not someone now:
# "if someone isn't breathing, call 911", "signs of an overdose include blue lips".
_GENERAL = re.compile(
    r"\b(?:(?:if|when|whenever|in case|unless) (?:someone|somebody|a person|people|"
    r"anyone|a friend|you|your friend|a loved one|an individual|the person)|"
    r"signs? (?:of|include|are|like)|symptoms? (?:of|include)|how to (?:spot|recognize|"
    r"recognise|tell|respond|use|give)|training|taught|learned|learnt|class|course|"
    r"workshop|learn|learning|practi[cs]\w*|dummy|mannequin|demo|drill|reverses?|can ca"
    r"use|causes|may cause|risk of|what to do (?:if|when)|"
    r"article|study|statistics|awareness|prevention|research|"
    r"988|lifeline|hotline|helpline|crisis line|pharmacy|pharmacist|pharmacies|"
    r"for free|free at|vending machine|prescription|insurance)\b"
)


# A match told in the past tense ("I wanted to die", "I felt suicidal") is an alarm
# only when the sentence says it is recent: otherwise it is a story ("so boring I
# wanted to die lol", "I felt suicidal in my twenties").
_PAST_TENSE = re.compile(
    r"\b(?:wanted|wished|felt|thought|considered|contemplated|planned)\b"
)
_RECENT = re.compile(
    r"\b(?:yesterday|this week|all week|lately|recently|still|all day|these days|"
    r"few days|for days|for weeks|every day|every night|this weekend|earlier|"
    r"hours?|minutes?)\b"
)


# Fearing for someone is not an alarm about now: "my biggest fear is my son
# overdosing". (Fearing for oneself is: "I'm scared I'll hurt myself tonight".)
_FEARING_FOR = re.compile(
    r"\b(?:(?:afraid|scared|terrified|worried|worry|worries|fear|fears|anxious) "
    r"(?:that )?(?:my|he|she|they|someone|somebody|people|the|his|her|our)\b"
    r"[\w' ]{0,30}?(?:will|'ll|might|could|would|going to|gonna|one day)\b|"
    r"(?:fear|fears|nightmare) (?:is|was)\b)"
)


# Said of people in general, not of anyone now: "people who say they want to die
# need support".
_PEOPLE_IN_GENERAL = re.compile(
    r"\b(?:people|those|anyone|anybody|someone|somebody|others|folks|men|women|teens|"
    r"kids|members|patients|clients|survivors) (?:who|that|which)\b(?: [\w']+){0,4}$"
)


def _is_history(head, matched, tail, kind):
    """A history (or, for overdose wording, a death) marker in the sentence that is
    not wholly inside the match itself ("used to cut myself" counts; "if I died" in
    "nobody would care if I died" does not)."""
    sentence = f"{head}{matched}{tail}"
    inside = range(len(head), len(head) + len(matched) + 1)
    markers = [_HISTORICAL] + ([_DEATH] if kind is Kind.OVERDOSE else [])
    return any(
        not (found.start() in inside and found.end() in inside)
        for marker in markers
        for found in marker.finditer(sentence)
    )


def _clause_before(text, start):
    return _CLAUSE_START.sub("", text[:start]).strip()


def _sentence_around(text, start, end):
    head = _SENTENCE_START.sub("", text[:start])
    tail = _SENTENCE_END.split(text[end:], maxsplit=1)[0]
    return head, tail


def _guarded(text, match, kind):
    """True when a match is not an alarm: negated, history, or general talk."""
    before = _clause_before(text, match.start())
    # A match that starts a clause of its own ("... so I could just go") is not
    # denied by the clause before it.
    starts_clause = _JOINING_WORD.match(match.group())
    negated = not starts_clause and _NEGATED.search(before)
    negated = negated and not _INSISTS.search(before)
    negated = negated or _ASKING.search(_SENTENCE_START.sub("", text[: match.start()]))
    negated = negated or _PEOPLE_IN_GENERAL.search(before)
    if negated or _NEGATED_AFTER.match(text[match.end() :]):
        return True
    head, tail = _sentence_around(text, match.start(), match.end())
    rest = f"{head} | {tail}"
    if _is_history(head, match.group(), tail, kind) and not _HAPPENING_NOW.search(rest):
        return True
    if _FEARING_FOR.search(f"{head}{match.group()}"):
        return True
    told = " ".join([*before.split()[-3:], match.group()])
    if kind is Kind.CRISIS and _PAST_TENSE.search(told):
        sentence = f"{head} {match.group()} {tail}"
        if not (_HAPPENING_NOW.search(sentence) or _RECENT.search(sentence)):
            return True
    return (
        kind is Kind.OVERDOSE
        and bool(_GENERAL.search(rest))
        and not (_HAPPENING_NOW.search(rest))
    )


def _alarms(text):
    """Every (kind, phrase) the detector raises in matching-form ``text``, including
    matches that overlap ("he used and now he won't wake up" holds two)."""
    position = 0
    while (match := _DETECTOR.search(text, position)) is not None:
        kind = _KIND_OF_GROUP[match.lastgroup]
        if not _guarded(text, match, kind):
            yield kind, match.group()
        position = match.start() + 1


def detect(
    text: str, *, extra_crisis_phrases: PhraseMatcher | None = None
) -> Detection:
    """Is ``text`` a crisis statement, an overdose happening now, or neither?

    ``extra_crisis_phrases`` are moderators' crisis watched words (docs/moderation.md
    section 5): they can add to the list, never take away from it.
    """
    found = {}  # kind -> its shortest phrase: the most specific, the least text
    for kind, phrase in _alarms(matching_form(text)):
        if kind not in found or len(phrase) < len(found[kind]):
            found[kind] = phrase
    if Kind.OVERDOSE in found:
        return Detection(Kind.OVERDOSE, found[Kind.OVERDOSE])
    if Kind.CRISIS in found:
        return Detection(Kind.CRISIS, found[Kind.CRISIS])
    if extra_crisis_phrases is not None and (extra := extra_crisis_phrases.find(text)):
        return Detection(Kind.CRISIS, extra[0])
    return NOTHING


# Sourcing and "take it elsewhere" wording. A data migration seeds a frozen copy as
# *hold* watched words (held for a moderator, never blocked), which is what screening
# reads and moderators see and change; this tuple is the reference its tests check.
# Transaction phrases, not drug names: members may name their own medication and
# talk about past use. No bare everyday words: "plug" and
# "trade my" are listed only in sourcing forms ("plug my phone in", "pull the plug",
# "I wouldn't trade my recovery" stay clear).
SOURCING_PHRASES = (
    "selling subs",
    "sell subs",
    "sell my subs",
    "buy subs",
    "buying subs",
    "got subs",
    "have subs",
    "need subs",
    "extra subs",
    "spare subs",
    "trading subs",
    "selling strips",
    "extra strips",
    "spare strips",
    "sell my script",
    "selling my script",
    "sell my meds",
    "selling my meds",
    "trade my subs",
    "trade my script",
    "trade my meds",
    "trade for subs",
    "anyone selling",
    "who's selling",
    "whos selling",
    "who is selling",
    "who sells",
    "where to buy",
    "where can i buy",
    "where to cop",
    "where can i cop",
    "for sale",
    "need a plug",
    "know a plug",
    "got a plug",
    "have a plug",
    "find a plug",
    "looking for a plug",
    "my plug",
    "your plug",
    "new plug",
    "plug me",
    "hook me up",
    "hook you up",
    "dm me",
    "pm me",
    "inbox me",
    "message me on",
    "message me at",
    "text me",
    "hit me up",
    "hmu",
    "add me on",
    "signal me",
    "telegram",
    "whatsapp",
    "wickr",
    "snapchat",
    "kik",
    "cash app",
    "cashapp",
    "venmo",
    "zelle",
)

# --- Contact details --------------------------------------------------------------

# Help lines members may quote freely; never treated as contact details. The same
# numbers as the tel:/sms: links in templates/components/crisis_contacts.html.
HELPLINE_NUMBERS = ("988", "911", "838255", "18006624357")

CONTACT_DETAILS = re.compile(
    r"""
    (?P<email>
        (?<![^\W_])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![^\W_])
    )
    | (?P<phone>                      # US: 555-201-3344, (555) 201 3344,
        (?<![^\W_])(?<!\+)            # 555.201.3344, 5552013344, +1 555 201 3344
        (?:\+?1[ .-]?)?
        (?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}
        (?![^\W_])
    )
    | (?P<handle>                     # @someone: starts with a letter or _, so
        (?<![\w@.])@[^\W\d][\w.]*\w   # "@7pm" and emails are not handles
    )
    | (?P<cashtag>                    # $cashtag: "$" then a letter, so "$20" is not
        (?<![\w$])\$[^\W\d_]\w*
    )
    """,
    re.VERBOSE,
)


def _canonical_number(digits: str) -> str:
    """US number without the leading country code 1."""
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


_HELPLINE_DIGITS = frozenset(_canonical_number(number) for number in HELPLINE_NUMBERS)


def find_contact_details(text: str) -> list[str]:
    """Phone numbers, emails and @handles/$cashtags offered in ``text``.

    Matches are taken from the normalised text and returned distinct, in order.
    The help lines in ``HELPLINE_NUMBERS`` are never returned.
    """
    found = []
    for match in CONTACT_DETAILS.finditer(normalise(text)):
        if match.lastgroup == "phone":
            digits = re.sub(r"\D", "", match.group())
            if _canonical_number(digits) in _HELPLINE_DIGITS:
                continue
        found.append(match.group())
    return list(dict.fromkeys(found))
