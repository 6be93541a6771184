"""Crisis resources and crisis-language detection (docs/safety.md sections 5 and 6).

Crisis resources: when their details were last checked against the source.
The contact details themselves live in templates/components/crisis_contacts.html
(and .txt for email) and nowhere else. (``HELPLINE_NUMBERS`` below is not contact
data for display: it is the list of digits the contact-details detector must never
flag, kept equal to the template's tel:/sms: numbers by a test.)

Detection: ``normalise`` puts text typed by a member into one canonical form;
``PhraseMatcher`` finds whole-word phrases in it with one compiled regex. The same
normaliser and matcher serve moderators' watched words (docs/moderation.md
section 5), so a phrase is always stored and matched the same way.

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
#    "OD-ing"), light leetspeak inside words is undone ("k1ll my$elf"), and letters
#    typed three or more times are cut to two ("dieeee" -> "diee").
# 3. One compiled regex with one named group per pattern. Patterns are written
#    in the matching form: a space is one space, ``'?`` an optional apostrophe.
# 4. Guards drop a match that is negated just before it ("I'd never kill myself",
#    "I'm not suicidal") or that sits in a sentence about the distant past or about
#    someone's death ("my brother overdosed in 2015", "years ago I wanted to die").
# 5. Overdose wins over crisis: the note then leads with 911 and naloxone.

CRISIS_LIST_VERSION = 2


class Kind(StrEnum):
    CRISIS = "crisis"
    OVERDOSE = "overdose"
    NONE = "none"


@dataclass(frozen=True)
class Detection:
    """What ``detect`` found: the kind, the first phrase of that kind, the list."""

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
        rf"{_WANT}{_JUST}(?:die|diee|be dead|be gone forever|not exist|"
        rf"stop existing|cease to exist|not be alive|disappear forever|d i e)"
        r"(?! (?:(?:of|from) (?:embarrassment|cringe|laughter|laughing|shame|boredom)|"
        r"laughing|happy|old|in (?:my|your) arms|on (?:that|this) hill))",
    ),
    (
        Kind.CRISIS,
        "wishing to be dead or never born",
        r"wish(?:ing)? (?:that )?i (?:wasn'?t|weren'?t|wasnt|werent) (?:alive|here|bor"
        r"n|"
        rf"around)|"
        rf"wish(?:ing)? (?:that )?i (?:was|were|'d|had|could) {_JUST}(?:be )?(?:dead|go"
        r"ne|"
        r"die|never (?:been )?born|not (?:be )?here|disappear|not exist|fall asleep and"
        r")",
    ),
    (
        Kind.CRISIS,
        "killing oneself, any tense but the plain past",
        rf"(?:{_KILL}|unalive|un alive|hang|hanging|hung|shoot|shooting|drown|drowning|"
        rf"poison|poisoning|starve|starving|gas|gassing|suffocate|suffocating|overdose)"
        rf"(?:s|ing|in'?)? ?{_SELF}"
        r"(?! (?:at|over|for) (?:the gym|work|my job|the office|practice|training|schoo"
        r"l))"
        r"(?! to (?:get|make|finish|keep|pay))",
    ),
    (
        Kind.CRISIS,
        "killing oneself: the hypothetical past (if I killed myself)",
        rf"if i (?:just )?(?:{_KILL}ed|unalived|ended it|ended my life|hung|shot|died|w"
        r"as "
        r"dead|was gone|wasn'?t here|disappeared)",
    ),
    (
        Kind.CRISIS,
        "to off oneself",
        rf"(?:to|gonna|wanna|will|'ll|might|should|just|about to) off(?:ing)? {_SELF}",
    ),
    (
        Kind.CRISIS,
        "kms, unalive, and other shorthand",
        r"(?<![0-9] )(?<![0-9])kms|k m s|k\.m\.s|"
        r"(?:to|wanna|gonna|will|might|should|thinking (?:of|about)|want to) un ?alive|"
        r"unaliv(?:e|ing) (?:my ?self|me)",
    ),
    (
        Kind.CRISIS,
        "ending one's life or ending it all",
        r"end(?:ing|in|ed)? (?:my (?:own )?life|it all|it tonight|it today|it now|it so"
        r"on|"
        r"it for good|it once and for all|everything(?= ?(?:$|[.,!?;]|tonight|today|now"
        r"|"
        r"soon|for good))|my suffering|my existence|things(?= ?(?:$|[.,!?;]|tonight|tod"
        r"ay|"
        r"now|soon|for good|permanently)))",
    ),
    (
        Kind.CRISIS,
        "taking one's own life",
        r"tak(?:e|ing) my (?:own )?life(?! back)(?= ?(?:$|[.,!?;]|tonight|today|now|soo"
        r"n|"
        r"if|because|cause|and|so|but|with|by|when))|tak(?:e|ing) my own life",
    ),
    (
        Kind.CRISIS,
        "suicide, first person or now",
        rf"(?:thinking|thought|thoughts|think|considering|considered|contemplating|"
        rf"planning|plan|plans|attempt|attempting|try|trying|tempted|urges?|ideation|"
        rf"idea|want|wanna|going|gonna|ready|close to|about to|commit|committing|"
        rf"(?:a|my) (?:\w+ )?(?:plan|note|letter) for) "
        rf"(?:about |of |to |by |with |on |for )?(?:committing |attempting |my |doing |"
        rf"a |it |suicide,? )?{_SUICIDE}"
        r"(?! ?(?:&|and|\+)? ?(?:crisis )?(?:life ?lines?|hot ?lines?|help ?lines?|"
        r"prevention|awareness|lines?|survivors?|loss|rates?|statistics|numbers?|"
        r"squad|bomb\w*|watch|forest|song|movie|film|book|episode|scene))",
    ),
    (
        Kind.CRISIS,
        "suicidal, about oneself",
        rf"(?:i'?m|i am|am|im|i feel|feel|feeling|felt|been|getting|get|go|going|so|"
        rf"very|really|pretty|super|extremely|actively|passively|kinda|kind of|more|"
        rf"having|have|had|with|my|fighting|these|the|hella|mad|lowkey|highly|"
        rf"i get|getting really|turned|turning|became|becoming) {_JUST}{_SUICIDAL}"
        rf"|{_SUICIDAL}(?: again| tonight| today| right now| rn| lately| all day|"
        rf" thoughts?| ideation| feelings?| urges?| and| af)",
    ),
    (
        Kind.CRISIS,
        "a suicide note, plan or goodbye letter",
        rf"(?:writing|write|wrote|written|finished|left|leaving|drafted|my) (?:a |my )?"
        rf"(?:{_SUICIDE}|goodbye) (?:note|letter|plan)s?",
    ),
    # --- Crisis: passive wishes to be gone --------------------------------------
    (
        Kind.CRISIS,
        "not wanting to live, be here, or wake up",
        rf"{_DONT} (?:\w+ )?(?:want|wanna|wish|feel like|care) {_TO}{_JUST}"
        r"(?:live|be alive|exist|be here|be around|wake up|keep living|go on|keep goin"
        r"g|"
        rf"be on this earth|breathe|see tomorrow|make it)"
        r"(?! (?:early|so early|at \d|before|for (?:work|school|class)|in the morning|"
        r"with|to|without|like that|the same|that way|here for|at this|in this (?:job|"
        r"town|house|city|place)|on (?:this|that) (?:job|team|dose)))",
    ),
    (
        Kind.CRISIS,
        "hoping not to wake up, sleeping forever",
        r"(?:hope|hoping|pray|praying|wish|wishing) (?:that )?i (?:don'?t|do not|never"
        r"|"
        rf"won'?t|wont|will not|didn'?t) (?:\w+ )?wake (?:up)?|"
        rf"(?:go to sleep|fall asleep|sleep|close my eyes) and (?:never|not|don'?t) "
        rf"(?:wake|open them)|never wake up again|"
        rf"(?:{_WANT}|wish i could |just ){_JUST}(?:go to )?sleep forever|"
        rf"(?:{_WANT}|wish i could |just ){_JUST}(?:go to sleep|sleep|fall asleep) "
        r"and (?:never|not) wake",
    ),
    (
        Kind.CRISIS,
        "others better off without me",
        r"(?:better off|happier|be better|be fine|be okay|be ok|be easier) without me|"
        r"better off (?:if i (?:was|were|wasn'?t|weren'?t|died|disappeared|was gone)|"
        r"dead|gone)|"
        r"(?:no ?one|nobody|noone|no body) (?:would|will|'d|is going to|gonna) "
        r"(?:even )?(?:care|notice|miss me|mind)(?: if i (?:\w+ )?(?:died|was gone|"
        r"disappeared|wasn'?t here|weren'?t here|left|was dead|killed))?"
        r"(?= ?(?:$|[.,!?;]|if|when|anyway|anyways))|"
        r"(?:would|will|'d) (?:all )?(?:be )?(?:happier|better off|better|fine|okay|ok|"
        r"easier|relieved|lighter) (?:if i (?:wasn'?t|weren'?t|was not|were not|"
        r"wasnt|werent) (?:around|here|alive|in the picture)|if i (?:was|were) (?:gone|"
        r"dead|out of the picture)|if i (?:died|disappeared|left for good))|"
        r"(?:world|everyone|everybody|my (?:kids|family|wife|husband|children)) "
        r"(?:would|will|'d) be better (?:off )?without me|i'?m (?:just )?a burden (?:to"
        r"|on) "
        r"(?:everyone|everybody|my family|all of you|the world)",
    ),
    (
        Kind.CRISIS,
        "no point or reason in going on",
        rf"(?:no|any|zero|{_DONT} (?:really |even |honestly )?(?:see|find|have) (?:the|"
        r"a|"
        rf"any)|can'?t (?:see|find) (?:the|a|any)|what'?s the|whats the|what is the) "
        rf"(?:point|reason|purpose|use) (?:in |of |to |for )?(?:me )?(?:living|"
        r"going on|being alive|being here|life|existing|carrying on|continuing|waking "
        r"up|"
        rf"trying anymore|staying alive|keep going|live|go on|be here|stay|be alive|"
        rf"keeping going|anything anymore|any of it anymore)|"
        rf"(?:what'?s|what is|whats) the point (?:of|in) (?:living|life|going on|being "
        rf"alive|being here|any of it|anything|waking up|existing|even trying|staying)|"
        rf"nothing (?:left )?to live for|(?:no|zero|nothing) (?:will|reason) to live|"
        rf"lost (?:the|my|all) will to live|(?:no|zero) will to live",
    ),
    (
        Kind.CRISIS,
        "can't go on, done with everything",
        rf"{_CANT} (?:go on|keep going|keep living|carry on|do (?:this|it|life) "
        rf"(?:any ?more|any longer|no more)|take (?:it|this|this pain|life|the pain) "
        rf"(?:any ?more|any longer|no more)|live like this|keep doing this|"
        rf"handle (?:life|living|it|this) (?:any ?more|any longer)|be here any ?more|"
        rf"live with (?:myself|this pain) any ?more)"
        r"(?= ?(?:$|[.,!?;]|like this|anymore|any more|any longer|i'?m|im|and|i just|"
        r"i want|i'?m done|living|with life|goodbye|honestly|tonight))|"
        rf"(?:i'?m|im|i am) (?:so )?(?:done|finished|through) with (?:life|living|"
        rf"it all|everything|existing|being alive|this life|this world|this earth|"
        rf"all of it|trying to live)(?= ?(?:$|[.,!?;]|i'?m|im|and|anymore|for good|"
        rf"goodbye|honestly|tonight))|"
        rf"(?:tired|sick|exhausted) of (?:living|being alive|existing|life|waking up|"
        rf"being here)(?= ?(?:$|[.,!?;]|i|and|so|anymore|honestly))|"
        rf"want (?:it all|everything|my life|life|this|the pain|it) to (?:end|stop|be "
        rf"over)(?= ?(?:$|[.,!?;]|for good|forever|permanently|tonight|now|and))",
    ),
    (
        Kind.CRISIS,
        "wanting out of life, no way out but death",
        rf"(?:(?:hopefully|hope i|hoping i) (?:just )?(?:don'?t|not|never|won'?t)|"
        r"(?:and|then) (?:just |hopefully )?(?:never|not)) wake (?:up|back up)(?! (?:e"
        r"arly|for|before|at \d|in time|on time|till|until))|"
        rf"(?:relapse|use|shoot up|take (?:it all|everything)|od|overdose) on purpose|"
        rf"{_WANT}{_JUST}(?:out of (?:this|my) life|off this (?:planet|earth|ride)|"
        rf"to leave this (?:world|earth|life))|"
        rf"(?:no way out|only way out|only way to stop (?:the|this) pain|only escape)"
        rf"(?: is| left| but| except| other than)? (?:to )?(?:dying|death|die|suicide|"
        rf"ending it|ending my life|killing myself|to end it)|"
        rf"(?:death|dying|suicide) (?:is|seems like|feels like) (?:the|my) only "
        rf"(?:way out|answer|option|escape|choice)|"
        rf"{_WANT}{_JUST}end it(?= ?(?:$|[.!?;]|now|already|so bad|honestly|tonight|"
        rf"for real|,? i'?m|,? i can'?t|,? i just|,? i really|i'?m done))|"
        r"how (?:much )?(?:longer|long) (?:i can|can i|i'?ll be able to|i will be able"
        r" to) "
        r"(?:keep (?:living|going|doing this|on|holding on|fighting)|go on|hold on|las"
        r"t|"
        rf"live like this|survive|stay alive|be here)|"
        r"(?:pills?|meds|tablets) (?:are |all )?(?:lined up|counted out|laid out|in fr"
        r"ont "
        rf"of me|ready to go|all ready)|(?:counted|counting|lined|lining|laid|laying) "
        rf"(?:out |up )(?:all )?(?:my |the )?{_PILLS}(?! for (?:the week|tomorrow|my "
        rf"(?:sister|mom|dad|kid|son|daughter)))",
    ),
    (
        Kind.CRISIS,
        "dwelling on dying, looking up ways",
        rf"(?:think|thinking|thought|dream|dreaming|fantasi[sz]e|fantasi[sz]ing|obsess|"
        r"obsessing|obsessed) (?:a lot |all the time |constantly )?about (?:dying|bein"
        r"g "
        rf"dead|not being (?:here|alive|around)|not existing|killing myself|ending "
        rf"(?:it|it all|my life|things)|my (?:own )?death|death|{_SUICIDE}|how to die|"
        rf"ways to die)|"
        rf"(?:research|researching|researched|look|looking|looked|googl(?:e|ing|ed)|"
        r"search|searching|searched|read|reading) (?:up )?(?:for )?(?:ways|methods|how"
        r"|"
        rf"the (?:best|easiest|quickest) way|(?:a )?painless ways?) (?:to |of )?(?:die|"
        rf"dying|kill myself|killing myself|end (?:it|my life)|overdose|od|commit "
        r"suicide|do it)|(?:painless|easiest|quickest|best|quick|easy) ways? to (?:die"
        r"|"
        rf"kill myself|end it|end my life|go to sleep forever)|"
        r"(?:use|turn|point|pointing|using|turning) (?:it|the gun|a gun|my gun|the kni"
        r"fe|"
        rf"a knife|the blade) (?:on|against) {_SELF}|"
        rf"(?:written|wrote|writing|left|leaving|finished) (?:\w+ )?(?:letters|notes|"
        rf"goodbyes|goodbye messages) (?:to|for) (?:my|everyone|all|each of)|"
        rf"if (?:you|u) (?:don'?t|never) (?:hear from me|see me (?:post|here)) "
        r"(?:again|tomorrow|after (?:today|tonight))|if i (?:don'?t|never) (?:post|rep"
        r"ly|"
        rf"come back|show up|answer) (?:again|tomorrow)[^.!?]{{0,20}}(?:you know why|"
        rf"that'?s why|it'?s because|know that|i love)|"
        rf"end(?:ing)? (?:my|the|this) pain (?:for good|forever|permanently|once and "
        rf"for all)|(?:offing|thinking (?:of|about) off(?:ing)?) {_SELF}|"
        rf"(?:no ?one|nobody|noone|no body) (?:cares|would care|will care|gives a \w+) "
        r"(?:if|whether) i (?:live|die|lived|died|am alive|exist|'?m alive|'?m gone|wa"
        r"s "
        rf"gone|'?m here)|"
        rf"(?:life|my life|living) (?:is(?:n'?t| not)|ain'?t|isnt) worth (?:living|it "
        rf"any ?more|going on|the pain)|not worth living|"
        rf"(?:my )?life (?:is|feels) (?:so )?(?:pointless|meaningless|worthless)"
        rf"(?= ?(?:$|[.!?;]|and|i|so|anyway))|"
        rf"(?:i'?m|im|i am|i feel like) (?:just )?a (?:waste of (?:space|air|oxygen|"
        rf"life)|burden)(?= ?(?:$|[.!?;,]|and|to|on|everyone))|"
        r"(?:everyone|everybody|they|people|my family|the world|my kids) (?:would|will"
        r"|"
        rf"'d) (?:all )?be better off(?= ?(?:$|[.!?;]|anyway|honestly|tbh))|"
        rf"(?:going to|gonna|i'?ll|i will|ready to|decided to|finally going to|finally "
        rf"gonna) do it (?:tonight|today|this time|for real|now)(?= ?(?:$|[.!?;]|and|"
        rf"i'?m|goodbye|sorry|,))",
    ),
    # --- Crisis: self-harm ------------------------------------------------------
    (
        Kind.CRISIS,
        "hurting or cutting oneself, with intent or now",
        rf"(?:to|wanna|gonna|urges? to|'ll|will|might|keep|kept|started|start|been|"
        rf"thinking (?:of|about)|itching to|tempted to|need to) (?:\w+ )?"
        rf"(?:hurt|harm|cut|burn|punish)(?:ing)? {_SELF}"
        r"(?! (?:some slack|a break|off from|out of))|"
        rf"(?:hurting|harming|cutting|burning) {_SELF}"
        r"(?! (?:some slack|a break|off from|out of|on|in|by accident|while|with (?:a|t"
        r"he) "
        r"knife while))|"
        r"(?:slit|slitting|cut|cutting|slash|slashing) (?:my|both my) (?:own )?(?:wrist"
        r"s?|"
        r"veins?|throat|arms?|thighs?)(?! (?:on|by accident|while|when))|"
        r"(?:i|i'?m|im|been|am|keep|started|start|to|back to|relapsed (?:on|into)|urges"
        r"? "
        r"(?:to )?|urge to|thinking about|about to|wanna|want to) (?:\w+ )?self ?harm"
        r"(?:ing)?|(?:started|start|been|am|i'?m|im|back to|urge to|urges to|keep) "
        r"cutting(?: again| myself)?(?= ?(?:$|[.,!?;]|again|and|tonight|to cope))",
    ),
    # --- Crisis: methods and plans ----------------------------------------------
    (
        Kind.CRISIS,
        "a plan with pills (how many, all of them)",
        rf"(?:take|taking|swallow|swallowing|down|downing|chug|chugging|use|using|"
        r"shoot|shooting) (?:up )?(?:all|every (?:single |last )?(?:one|pill|tablet)|t"
        r"he (?:whole|entire|"
        rf"rest of the)|a (?:whole|full|entire)|my whole|everything|enough) ?"
        rf"(?:of )?(?:my |the |these |those |them |at once|bottle|pack|box|stash|"
        rf"supply)?(?: ?(?:of )?(?:my |the |these )?{_PILLS})?(?: at once| tonight| "
        rf"and| to|[.,!?]|$| in the (?:house|cabinet|bottle)| i (?:have|own|can find|"
        rf"'ve got))|"
        rf"how (?:many|much) (?:\w+ ){{0,3}}(?:would|will|does|do|to|it takes|is) "
        rf"(?:\w+ ){{0,3}}(?:kill|die|od|overdose|be (?:enough|lethal|fatal)|lethal|fat"
        r"al|"
        rf"stop my heart|end it|never wake up|not wake up)|"
        rf"(?:what'?s|what is|how much is) (?:a |the )?(?:lethal|fatal|deadly) (?:dose|"
        rf"amount)|(?:saving|stockpiling|hoarding|collecting|saved|stockpiled|hoarded) "
        rf"(?:up )?(?:my |all my |enough )?{_PILLS}(?: up)?(?= ?(?:$|[.,!?;]|for|to|and"
        r"|"
        rf"so|just in case|until))|"
        rf"(?:overdose|od|o\.d\.) on purpose|(?:intentionally|purposely|deliberately) "
        rf"(?:overdose|od)|(?:{_WANT}|i will |i'?ll |i might |i should )"
        rf"{_JUST}(?:overdose|od|o\.d\.)(?! ?(?:on (?:bad|sad|cute|emotions|coffee|"
        rf"caffeine|sugar|candy|chocolate|netflix|tv|memes)))",
    ),
    (
        Kind.CRISIS,
        "hanging, shooting, jumping, traffic",
        r"(?:tie|tied|tying|made|make|making|bought|got|have|ready|hang|hung|put up|"
        r"rope for) (?:a |the |my |up a )?noose|noose (?:is )?(?:ready|tied|up)|"
        r"(?:the |a |my )?rope (?:is )?ready|"
        r"(?:jump|jumping|throw myself|throwing myself|leap|leaping) (?:off|from|in fro"
        r"nt "
        r"of|into|onto) (?:a|the|this|that|my|our) (?:\w+ )?(?:bridge|building|roof|"
        r"rooftop|overpass|cliff|balcony|train|bus|car|truck|window|parking garage|"
        r"garage|ledge|tracks|highway|freeway|traffic|river|tower)|"
        r"(?:step|stepping|walk|walking|run|running|lie|lying|lay|laying) (?:out )?"
        r"(?:in front of|into|onto|on) (?:a|the) (?:train|bus|truck|car|traffic|tracks|"
        r"railway|road)|"
        r"(?:drive|driving|crash|crashing|steer|steering|swerve|swerving) (?:my car |"
        r"the car |my truck )?(?:into|off) (?:a|the) (?:wall|tree|river|bridge|cliff|"
        r"pole|oncoming|semi|truck|lake|barrier)|"
        r"(?:gun|barrel|pistol) (?:to|in|against) my (?:head|mouth|temple|chest)|"
        r"(?:bullet|round) (?:in|through|into) my (?:head|brain|skull)|"
        r"(?:standing|sitting) (?:on|at) (?:the|a) (?:edge of (?:the|a) )?(?:bridge|"
        r"ledge|roof|rooftop|cliff|overpass|balcony|train tracks|tracks)"
        r"(?= ?(?:$|[.,!?;]|right now|now|tonight|and|thinking|ready))",
    ),
    (
        Kind.CRISIS,
        "a date or a goodbye",
        r"(?:this|it) (?:is|will be|'s) (?:my|the) (?:last|final) (?:post|message|time "
        r"(?:i'?ll|i will|you'?ll) (?:post|write|hear from me)|goodbye|words|"
        r"night|day)(?! (?:at|of (?:work|school|the|my (?:job|shift|program|course|"
        r"detox|rehab|treatment))|before|in|off|for (?:a|the) (?:week|while|weekend|"
        r"holidays|month)|here for a))|"
        r"my (?:last|final) (?:post|message|goodbye|words|night alive|night on earth|"
        r"day alive|day on earth)(?! (?:at|of|before|for (?:a|the) (?:week|while|"
        r"weekend|holidays|month)))|"
        r"goodbye (?:forever|cruel world|world|to (?:this|the) world)|"
        r"(?:saying|say|said) (?:my )?goodbyes?(?: to (?:everyone|you all|y'?all|all of"
        r" "
        r"you|my (?:kids|family|children|dog|cat)))?(?= ?(?:$|[.,!?;]|tonight|forever|"
        r"for good|one last|before i go|before i die))|"
        r"tell (?:my (?:\w+ )?(?:kids|children|son|daughter|boys|girls|babies|baby|fami"
        r"ly|"
        r"mom|mum|mother|dad|father|wife|husband|partner|parents|sister|brother|"
        r"grandkids|girlfriend|boyfriend)|them|everyone|her|him)(?: that)? i(?:'m| am)?"
        r" "
        r"(?:love|loved|sorry)(?: (?:them|him|her|you|everyone|so much))?"
        r"(?= ?(?:$|[.,!?;]|so much|and|for me|please|always|when|if))|"
        r"(?:take|taking) care of (?:my (?:kids|children|son|daughter|dog|cat|family|"
        r"babies|pets?)) (?:for me|when i'?m gone|after i'?m gone)|"
        r"(?:won'?t|will not|wont) be (?:here|around|alive) (?:much longer|for much "
        r"longer|any ?more|by (?:tomorrow|morning|the morning|monday|friday|sunday|"
        r"the weekend)|to see)|"
        r"(?:i'?ll|i will|ill) be (?:dead|gone) (?:by|before|soon|tomorrow|tonight|"
        r"in a (?:few|couple)|when you read)|"
        r"(?:when|by the time) you (?:read|see|find) this,? i'?(?:ll| will)? ?(?:be|am|"
        r"'m) "
        r"(?:dead|gone)|"
        r"(?:i'?ve|ive|i have|already) (?:set|picked|chosen|decided on) (?:a|the) "
        r"(?:date|day)(?! (?:for|to start|to quit|to begin|of my|at))|"
        r"(?:giving|gave) away (?:all )?my (?:stuff|things|belongings|possessions|"
        r"dog|cat|pets?)(?= ?(?:$|[.,!?;]|because|cause|since|so|before|and))|"
        r"(?:know|decided|figured out|worked out|planned) (?:exactly )?(?:how|when|"
        r"where) (?:i'?m going to|i'?ll|i will|im gonna|i'?m gonna|to) "
        r"(?:do it|end it|die|kill)|"
        r"(?:i'?ve|ive|i have) (?:got |made )?(?:a|the|my) plan (?:to|for how to|for "
        r"when i) (?:die|end|kill|do it|go)",
    ),
    (
        Kind.CRISIS,
        "someone else threatening to take their life now",
        rf"{_THEY}{_IS} (?:(?:says|said|keeps saying|kept saying|told me|texted|"
        r"texting|is talking about|talking about|talks about|threatening|threatened|"
        r"wants|want|going|gonna|planning|plans|trying|tried|about to) (?:\w+ )?){1,2}"
        r"(?:to )?(?:kill(?:ing)? (?:him|her|them)sel(?:f|ves)|end(?:ing)? "
        r"(?:his|her|their) (?:own )?life|suicide|commit suicide|take (?:his|her|their)"
        r" "
        r"(?:own )?life|jump off|overdose on purpose|od on purpose)|"
        rf"{_THEY}(?:'s| is) {_JUST}{_SUICIDAL}",
    ),
    # --- Overdose happening now -------------------------------------------------
    (
        Kind.OVERDOSE,
        "overdosing now, someone or oneself",
        rf"(?:overdosing|{_OD} ?'?ing|od'?ing|oding|{_OD}ing|od'?in|overdosin|"
        rf"(?:having|having an|going into|into|in) an? (?:{_OD}|overdose))|"
        rf"(?:just|might have|may have|might've|may've|has|have|'s|'ve|prolly|probably|"
        rf"think (?:he|she|they|i|my \w+)(?: just)?|might of|may of) "
        rf"(?:overdosed|{_OD} ?'?d|od'?ed|oded|o\.d\.'?d)|"
        rf"(?:is|is this|this is|it'?s|its|think it'?s|possible|looks like|"
        rf"i think this is) (?:an |a )?(?:{_OD}|overdose)(?= ?(?:$|[.,!?;]|what|help|"
        rf"right now|happening|please|or))",
    ),
    (
        Kind.OVERDOSE,
        "after using, body failing now",
        r"(?:i (?:just )?(?:did|took|used|shot|snorted|smoked|hit|injected|banged|poppe"
        r"d|"
        r"tried)|after (?:using|i used|that shot|that hit|that line|the shot)|"
        r"(?:he|she|they) (?:just )?(?:did|took|used|shot up|snorted|smoked|injected)) "
        r"[^.!?]{0,60}?(?:can'?t breathe|cannot breathe|can'?t catch my breath|feel lik"
        r"e "
        r"i'?m (?:dying|going to die|gonna die|passing out|gonna pass out)|(?:everythin"
        r"g|"
        r"it'?s|my vision|vision) (?:is )?going (?:dark|black)|i'?m fading|i'?m passing"
        r" "
        r"out|my heart (?:is )?(?:slowing|stopping|racing and i can'?t)|can'?t stay awa"
        r"ke|"
        r"can'?t keep my eyes open|i'?m blacking out|lips (?:are )?(?:going|turning) "
        r"(?:blue|numb))",
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
        r"(?:not|isn'?t|is not|stopped|barely|hardly|aren'?t|are not|ain'?t|"
        r"quit|no longer|not really|isnt|can'?t tell if (?:he|she|they)(?:'s|'re| is| "
        r"are)) breath(?:e|ing|in'?)(?! (?:exercises?|right through|down my neck|a "
        r"word|properly during|during my))|"
        r"(?:his|her|their|(?:he|she|they)(?:'s|'re| is| are)) breathing (?:is |has |go"
        r"t |"
        r"gotten |went |really |so |very |super |way |all |kinda |real )*(?:slow(?:ed|"
        r"ing)?|shallow|weird|strange|funny|faint|raspy|rattly|ragged|gurgl\w*|barely|"
        r"stopped|off|wrong)|"
        r"(?:gurgling|gurgle|gurgles|death rattle|making (?:a |this |that |these |"
        r"weird |strange |funny |awful |horrible )*(?:gurgling|snoring|choking|"
        r"rattling|gasping) (?:sound|noise)s?)|"
        rf"(?:he|she|they|{_PERSON})(?:'s|'re| is| are)? (?:gasping|choking) (?:for "
        rf"air|and|on)",
    ),
    (
        Kind.OVERDOSE,
        "won't wake up, unresponsive",
        rf"(?:{_THEY}{_IS} (?:won'?t|will not|wont|isn'?t|is not|not|can'?t|cannot|"
        rf"ain'?t) (?:wake|waking|wakin|come to|coming to|respond|responding|react|"
        r"reacting|move|moving)(?: up)?+|(?:and|but|now) (?:still |just )?(?:won'?t|wi"
        r"ll "
        rf"not|wont|isn'?t|is not|can'?t) (?:wake|waking|respond|responding|come to)"
        rf"(?: up)?+|{_NAME_STARTS}{_SOMEONE_NAMED}(?:'s| is| just| still)? "
        rf"(?:won'?t|will not|wont|isn'?t|is not) (?:wake|waking) up)"
        r"(?! (?:for|in time|early|on time|before|until|til|till|when|at \d|at (?:night"
        r"|noon|the)|to (?:my |his "
        r"|her )?(?:texts?|messages?|calls?|emails?|dms?|treatment|meds|medication|"
        r"the medication|the dose|therapy)|from (?:a|her|his|their) nap|me up))|"
        rf"^(?:won'?t|wont|will not) wake up|"
        rf"{_CANT} (?:wake|rouse|get) (?:him|her|them|my \w+|{_THEY})(?! up (?:for|in "
        r"time|early|on time))|"
        rf"(?:{_THEY}|{_NAME_STARTS}{_SOMEONE_NAMED})(?:'s| is| are| was| seems| looks)"
        r"? "
        rf"(?:completely |totally |"
        rf"just )?(?:unresponsive|unconscious|passed out cold|out cold|limp|lifeless)"
        r"(?! (?:to (?:texts?|messages?|calls?|treatment)|app|website|page))",
    ),
    (
        Kind.OVERDOSE,
        "lips or skin turning blue or grey",
        r"(?:lips?|fingertips|finger tips|fingernails|face|skin)(?: are| is|'re)? "
        r"(?:turning|turned|going|gone|getting|looks?|looking|went|all|are|is|so|really"
        r"|"
        r"kinda|kind of|very|\s)*(?:blue|grey|gray|purple|ashen|bluish|greyish|grayish|"
        r"white)(?! (?:from|after|because|in the cold|when i'?m cold))|"
        r"blue (?:lips|fingertips|fingernails)(?!tick)|"
        rf"(?:he|she|they|{_PERSON})(?:'s|'re| is| are)? (?:turning|turned|going|gone) "
        rf"(?:blue|grey|gray|purple)|"
        rf"(?:he|she|they)(?:'s|'re| is| are) (?:turning |going |literally |all |so )?"
        rf"(?:blue|grey|gray|purple)(?= ?(?:$|[!?]|and|,|what|help|please|omg|wtf))|"
        rf"(?:and|now) (?:is |he'?s |she'?s |they'?re )?(?:turning|going|gone|turned) "
        rf"(?:blue|grey|gray|purple)",
    ),
    (
        Kind.OVERDOSE,
        "reaching for naloxone now",
        rf"(?:need|needs|give|giving|gave (?:him|her|them|it)|use|using|used|grab|"
        rf"spray|sprayed|spraying|hit (?:him|her|them) with|administer|administered|"
        rf"where(?:'s| is| the)|time for|time to use|should i (?:give|use|spray|try)|"
        rf"do i (?:give|use|spray)|second dose of|another dose of|third dose of|more|"
        r"2nd dose of|just (?:gave|used|sprayed)) (?:him |her |them |it )?(?:the |some"
        r" |a |"
        rf"my |your |his |her |any |that |more )?{_NARCAN}"
        r"(?! (?:training|class|classes|kit|kits|program|at|from (?:the|a|my) (?:pharma"
        r"cy|"
        r"clinic|store)|for (?:my|the) (?:kit|bag|car)|in (?:my|the) (?:kit|bag|car|"
        r"purse|glovebox)|on hand|everywhere|just in case|with (?:me|you)))|"
        rf"{_NARCAN}[^.!?]{{0,40}}(?:still|isn'?t|is not|not|won'?t|no) (?:out|"
        rf"unconscious|unresponsive|waking|breathing|responding|coming to|coming round|"
        rf"change|response|blue)|"
        rf"{_NARCAN} (?:is(?:n'?t| not)|did(?:n'?t| not)|not|isnt|ain'?t) "
        rf"(?:working|work|helping|doing anything)|{_NARCAN}(?:'d|ed) (?:him|her|them)",
    ),
    (
        Kind.OVERDOSE,
        "I took too much, now",
        r"(?:i think i|think i|i might have|i may have|i might've|i just|i|i've|ive|"
        r"he|she|they|he just|she just|they just|might have|may have) (?:just )?"
        r"(?:took|taken|take|used|did|done|had|snorted|smoked|shot|injected|swallowed|"
        r"doubled|hit|banged|popped) (?:up )?(?:way |far |wayy? |a bit |a lot |so much "
        r"|"
        r"much )?too (?:much|many|big (?:a )?(?:hit|dose|shot|line|bump))"
        r"(?= ?(?:$|[.,!?;]|and|i'?m|im|now|help|i think|i feel|what|my|of (?:my |the |"
        r"it|them|that|this|those|these|his|her)?(?:fent\w*|dope|h|heroin|oxys?|pills?|"
        r"meds|medication|subs|xanax|bars|benzos|methadone|percs?|it|them|that|this|"
        r"stuff|shit|gear)|pills?|meds|fent\w*|dope|heroin|oxys?|subs|bars|xanax|benzos"
        r"|"
        r"methadone|tonight|again|he|she|they))|"
        r"(?:took|taken|swallowed|popped|downed) (?:all|every one|the whole (?:bottle|"
        rf"pack|box)|a whole (?:bottle|pack|box)) (?:of )?(?:my |the )?{_PILLS}?"
        r"(?= ?(?:$|[.,!?;]|and|i'?m|im|now|help|what|an hour|minutes))",
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
    r"listening to|listened to|watching|watched|reading|read|quote|quoting|line from)"
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
    return _WHITESPACE.sub(" ", text).strip()


# Guards. A clause ends at . ! ? ; , or "but"; a sentence at . ! ? only.
_CLAUSE_START = re.compile(r".*(?:[.!?;,:]|\bbut\b|\bthough\b)", re.DOTALL)
_SENTENCE_START = re.compile(r".*[.!?]", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?]")
# Said just before a match, these words deny it: "I'd never kill myself", "not
# suicidal", "I don't want to die".
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no|nor|don'?t|dont|do not|didn'?t|won'?t|wont|wouldn'?t|"
    r"isn'?t|wasn'?t|aren'?t|ain'?t|no longer|without|stopped|quit|"
    r"not anymore)|n't)(?: \w+){0,2}$"
)
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
    r"a few|a couple of|couple) (?:years?|yrs?|decades?|months) (?:ago|back|clean|"
    r"sober|in recovery|since|later|before)|years? ago|months ago|decades? ago|"
    r"long (?:time )?ago|back (?:then|when|in (?:the day|19|20|my))|used to|"
    r"in (?:19|20)\d\d|since (?:19|20)\d\d|(?:19|20)\d\d|last year|a year ago|"
    r"when i was (?:using|younger|a kid|a teen|a teenager|in (?:active )?addiction|"
    r"still using|in high school|in college|\d+)|before (?:i got (?:clean|sober|help)|"
    r"recovery|treatment|rehab|methadone|suboxone|bupe|i found|i started|i came)|"
    r"in my (?:active )?(?:addiction|using days|twenties|teens|20s|30s)|"
    r"as a (?:teen|teenager|kid|child|young adult)|in (?:high school|college|middle "
    r"school)|"
    r"at my (?:lowest|worst)|anniversary|funeral|memorial|\brip\b|rest in peace|"
    r"passed away|passed on|died|dead now|lost (?:him|her|them|my \w+|a \w+)|"
    r"survived|survivor|since (?:he|she|they) (?:died|passed)|in memory|grave|"
    r"the day (?:he|she|they|i) (?:died|passed)|that was|those days|"
    r"has been gone|have been gone|been gone \w+ (?:years|months)|used to be|"
    r"was the worst|i was \d+|when i first|the first time i|my first (?:overdose|od)|"
    r"(?:twice|three times|\d+ times|several times|many times|multiple times) "
    r"(?:before|in|over|during))\b"
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
    r"988|lifeline|hotline|helpline|crisis line)\b"
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


def _is_history(head, matched, tail):
    """A history marker in the sentence that is not wholly inside the match itself
    ("used to cut myself" counts; "if I died" in "nobody would care if I died"
    does not)."""
    sentence = f"{head}{matched}{tail}"
    inside = range(len(head), len(head) + len(matched) + 1)
    return any(
        not (found.start() in inside and found.end() in inside)
        for found in _HISTORICAL.finditer(sentence)
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
    negated = _NEGATED.search(before) and not _INSISTS.search(before)
    negated = negated or _ASKING.search(_SENTENCE_START.sub("", text[: match.start()]))
    if negated or _NEGATED_AFTER.match(text[match.end() :]):
        return True
    head, tail = _sentence_around(text, match.start(), match.end())
    rest = f"{head} | {tail}"
    if _is_history(head, match.group(), tail) and not _HAPPENING_NOW.search(rest):
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
    """Every (kind, phrase) the detector raises in matching-form ``text``."""
    position = 0
    while (match := _DETECTOR.search(text, position)) is not None:
        kind = _KIND_OF_GROUP[match.lastgroup]
        if not _guarded(text, match, kind):
            yield kind, match.group()
            position = match.end()
        else:
            position = match.start() + 1


def detect(
    text: str, *, extra_crisis_phrases: PhraseMatcher | None = None
) -> Detection:
    """Is ``text`` a crisis statement, an overdose happening now, or neither?

    ``extra_crisis_phrases`` are moderators' crisis watched words (docs/moderation.md
    section 5): they can add to the list, never take away from it.
    """
    found = {}
    for kind, phrase in _alarms(matching_form(text)):
        found.setdefault(kind, phrase)
    if Kind.OVERDOSE in found:
        return Detection(Kind.OVERDOSE, found[Kind.OVERDOSE])
    if Kind.CRISIS in found:
        return Detection(Kind.CRISIS, found[Kind.CRISIS])
    if extra_crisis_phrases is not None and (extra := extra_crisis_phrases.find(text)):
        return Detection(Kind.CRISIS, extra[0])
    return NOTHING


# Sourcing and "take it elsewhere" wording: seeded as *hold* watched words (held for
# a moderator, never blocked). Transaction phrases, not drug names: members may name
# their own medication and talk about past use. No bare everyday words: "plug" and
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
