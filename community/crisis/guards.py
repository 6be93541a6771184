"""Guard patterns: wording around a match that means it is not an alarm.

Owned by our clinical reviewer with the patterns (see ``detector``, step 4 of how a
text is read): negation, asking, people in general, the past, a death, a fear for
later, teaching. Bump ``CRISIS_LIST_VERSION`` on any change.
"""

import re

# Guards. A clause ends at . ! ? ; , : or a joining word (but, and, so, because);
# a sentence at . ! ? only.
CLAUSE_START = re.compile(
    r".*(?:[.!?;,:]|\b(?:but|though|and|so|because|cause|cuz)\b)", re.DOTALL
)
SENTENCE_START = re.compile(r".*[.!?]", re.DOTALL)
SENTENCE_END = re.compile(r"[.!?]")
# Said just before a match, these words deny it: "I'd never kill myself", "not
# suicidal", "I don't want to die".
NEGATED = re.compile(
    r"(?:\b(?:not|never|no|nor|don'?t|dont|do not|didn'?t|won'?t|wont|wouldn'?t|"
    r"isn'?t|wasn'?t|aren'?t|ain'?t|no longer|without|stopped|quit|"
    r"not anymore)|n't)(?: \w+){0,2}$"
)
JOINING_WORD = re.compile(r"(?:so|and|then|because)\b")
# "I can't stop thinking about it" insists; it does not deny.
INSISTS = re.compile(
    r"(?:can'?t|cannot|couldn'?t|won'?t) (?:stop|help|quit|shake)(?: \w+)?$"
)
NEGATED_AFTER = re.compile(
    r"^ ?(?:not anymore|any ?more\? no|anymore\?? no|and i said no|i said no|and "
    r"(?:i )?(?:said|told (?:her|him|them)) (?:no|i'?m not|i wasn'?t))"
)
# Asking about someone, or being asked, is not saying it: "how do I know if my
# friend is suicidal?", "she asked if I'm suicidal". ("What if I just..." is.)
ASKING = re.compile(
    r"\b(?:asked|asks|asking|ask) (?:me |him |her |them |us )?(?:if|whether)|"
    r"how (?:do|can|would|should|could) (?:i|you|we|someone|people) (?:know|tell|"
    r"help|support|talk|recogni[sz]e|spot)|how to (?:know|tell|help|support|talk|"
    r"recogni[sz]e|spot)"
)
# A sentence about the distant past, or about someone's death, is a story, not an
# alarm: "years ago I wanted to die", "my uncle overdosed in 2015 and died".
HISTORICAL = re.compile(
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
DEATH = re.compile(
    r"\b(?:anniversary|funeral|memorial|rip|rest in peace|passed away|passed on|"
    r"died|dead now|didn'?t make it|lost (?:him|her|them|my \w+|a \w+) to|in memory|"
    r"grave|has been gone|have been gone|since (?:he|she|they) (?:died|passed))\b"
)
# ...unless the same sentence says it is happening again now.
HAPPENING_NOW = re.compile(
    r"\b(?:again|tonight|right now|rn|this morning|last night|today|currently|"
    r"as we speak|at the moment|all over again|back again|is back|are back|"
    r"coming back|help me|help|please|what do i do)\b"
)
# Teaching and talking about overdose or suicide in general, not someone now:
# "if someone isn't breathing, call 911", "signs of an overdose include blue lips".
GENERAL = re.compile(
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
PAST_TENSE = re.compile(
    r"\b(?:wanted|wished|felt|thought|considered|contemplated|planned)\b"
)
RECENT = re.compile(
    r"\b(?:yesterday|this week|all week|lately|recently|still|all day|these days|"
    r"few days|for days|for weeks|every day|every night|this weekend|earlier|"
    r"hours?|minutes?)\b"
)


# Fearing for someone is not an alarm about now: "my biggest fear is my son
# overdosing". (Fearing for oneself is: "I'm scared I'll hurt myself tonight".)
FEARING_FOR = re.compile(
    r"\b(?:(?:afraid|scared|terrified|worried|worry|worries|fear|fears|anxious) "
    r"(?:that )?(?:my|he|she|they|someone|somebody|people|the|his|her|our)\b"
    r"[\w' ]{0,30}?(?:will|'ll|might|could|would|going to|gonna|one day)\b|"
    r"(?:fear|fears|nightmare) (?:is|was)\b)"
)


# Said of people in general, not of anyone now: "people who say they want to die
# need support".
PEOPLE_IN_GENERAL = re.compile(
    r"\b(?:people|those|anyone|anybody|someone|somebody|others|folks|men|women|teens|"
    r"kids|members|patients|clients|survivors) (?:who|that|which)\b(?: [\w']+){0,4}$"
)
