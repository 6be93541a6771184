"""Crisis patterns, wishes: wanting to die said outright, passive wishes to be gone.

Owned by our clinical reviewer (see ``detector`` for how a text is read): change a
pattern only together with community/tests/crisis_table.py, and bump
``CRISIS_LIST_VERSION``. Each row is (comment, pattern): the comment says what the
group of statements is.
"""

from community.crisis.words import (
    CANT,
    DONT,
    JUST,
    KILL,
    PILLS,
    SELF,
    SUICIDAL,
    SUICIDE,
    TO,
    WANT,
)

WISH_PATTERNS = (
    # --- Crisis: wanting to die, said outright ----------------------------------
    (
        "want or wish to die / to be dead",
        rf"{WANT}{JUST}(?:die|diee|be dead|be gone forever|not exist|stop existing|"
        r"stop living|stop breathing|cease to exist|not be alive|disappear forever|"
        r"d i e)(?! (?:(?:of|from) (?:embarrassment|cringe|laughter|laughing|shame|"
        r"boredom)|laughing|happy|old|in (?:my|your) arms|on (?:that|this) hill))",
    ),
    (
        "rather be dead, wanting to disappear",
        r"(?:i'?d|i would|id) (?:much )?rather (?:be dead|die|not (?:be here|"
        rf"be alive|exist|wake up))|{WANT}{JUST}disappear(?= ?(?:$|[.!?;]|forever|"
        r"for good|completely|and never|from (?:this|the) (?:world|earth)))|"
        r"to end it(?= ?(?:$|[.!?;]|tonight|now|for good))|"
        r"this is (?:my )?goodbye(?= ?(?:$|[.!?;]|everyone|all|guys|friends|forever|"
        r"for real|i love))|(?:i'?ve|i have) made (?:my )?peace(?: with (?:it|dying|"
        r"death|everything|god|leaving))?(?= ?(?:$|[.!?;]|and i'?m ready|"
        r"i'?m ready))|(?:won'?t|will not|wont) be alive|"
        r"don'?t see myself (?:being )?(?:alive|here|around) (?:next|in a|"
        rf"much longer|by)|(?:enough|all (?:my|the)) {PILLS} (?:saved|stockpiled|"
        r"stashed|to (?:do it|die|end it|kill myself|never wake up|not wake up|od|"
        rf"overdose))|{SUICIDE} (?:methods?|ways)",
    ),
    (
        "wishing to be dead or never born",
        r"wish(?:ing)? (?:that )?i (?:wasn'?t|weren'?t|wasnt|werent) (?:alive|here|"
        r"born|around)|wish(?:ing)? (?:that )?i (?:was|were|'d|had|"
        rf"could) {JUST}(?:be )?(?:dead|gone|die|never (?:been )?born|"
        r"not (?:be )?here|disappear|not exist|fall asleep and)",
    ),
    (
        "killing oneself, any tense but the plain past",
        rf"(?:{KILL}|unalive|un alive|hang|hanging|hung|shoot|shooting|drown|"
        r"drowning|poison|poisoning|starve|starving|gas|gassing|suffocate|"
        rf"suffocating|overdose)(?:s|ing|in'?)? ?{SELF}(?! (?:at|over|"
        r"for) (?:the gym|work|my job|the office|practice|training|"
        r"school))(?! to (?:get|make|finish|keep|pay))(?! (?:laughing|with laughter|"
        r"a|an|some|up a|out|with (?:junk|fast) food|with work))",
    ),
    (
        "killing oneself: the hypothetical past (if I killed myself)",
        rf"if i (?:just )?(?:{KILL}ed|unalived|ended it|ended my life|hung|shot|died|"
        r"was dead|was gone|wasn'?t here|disappeared)",
    ),
    (
        "to off oneself",
        rf"(?:to|gonna|wanna|will|'ll|might|should|just|about to) off(?:ing)? {SELF}",
    ),
    (
        "kms, unalive, and other shorthand",
        r"(?<![0-9] )(?<![0-9])kms|k m s|k\.m\.s|(?:to|wanna|gonna|will|might|should|"
        r"thinking (?:of|about)|want to) un ?alive|unaliv(?:e|ing) (?:my ?self|me)",
    ),
    (
        "ending one's life or ending it all",
        r"end(?:ing|in|ed)? (?:my (?:own )?life|it all|it tonight|it today|it now|"
        r"it soon|it for good|it once and for all|everything(?= ?(?:$|[.,!?;]|"
        r"tonight|today|now|soon|for good))|my suffering|my existence|"
        r"things(?= ?(?:$|[.,!?;]|tonight|today|now|soon|for good|permanently)))",
    ),
    (
        "taking one's own life",
        r"tak(?:e|ing) my (?:own )?life(?! back)(?= ?(?:$|[.,!?;]|tonight|today|now|"
        r"soon|if|because|cause|and|so|but|with|by|when))|tak(?:e|ing) my own life",
    ),
    (
        "suicide, first person or now",
        r"(?:thinking|thought|thoughts|think|considering|considered|contemplating|"
        r"planning|plan|plans|attempt|attempting|attempted|try|trying|tempted|urges?|"
        r"ideation|idea|want|wanna|going|gonna|ready|close to|about to|commit|"
        r"committing|(?:a|my) (?:\w+ )?(?:plan|note|letter) for) (?:about |of |to |"
        r"by |with |on |for )?(?:committing |attempting |my |doing |a |it |"
        rf"suicide,? )?{SUICIDE}(?! ?(?:&|and|\+)? ?(?:crisis )?(?:life ?lines?|"
        r"hot ?lines?|help ?lines?|prevention|awareness|lines?|survivors?|loss|"
        r"rates?|statistics|numbers?|squad|bomb\w*|watch|forest|song|movie|film|book|"
        r"episode|scene))",
    ),
    (
        "suicidal, about oneself",
        r"(?:i'?m|i am|am|im|i feel|feel|feeling|felt|been|getting|get|go|going|so|"
        r"very|really|pretty|super|extremely|actively|passively|kinda|kind of|more|"
        r"having|have|had|with|my|fighting|these|the|hella|mad|lowkey|highly|i get|"
        rf"getting really|turned|turning|became|becoming) {JUST}{SUICIDAL}|"
        rf"{SUICIDAL}(?: again| tonight| today| right now| rn| lately| all day|"
        r" thoughts?| ideation| feelings?| urges?| and| af)(?! (?:is|are|can|may|"
        r"affects?|happens?|isn'?t|aren'?t|means?|was|were)\b)|"
        # A post, or a sentence, that is just the word.
        rf"(?:^|(?<=[.!?] )){SUICIDAL}(?= ?(?:$|[.!?]))",
    ),
    (
        "a suicide note, plan or goodbye letter",
        r"(?:writing|write|wrote|written|finished|left|leaving|drafted|my) (?:a |"
        rf"my )?(?:{SUICIDE}|goodbye) (?:note|letter|plan)s?",
    ),
    # --- Crisis: passive wishes to be gone --------------------------------------
    (
        "not wanting to live, be here, or wake up",
        rf"{DONT} (?:\w+ )?(?:want|wanna|wish|feel like|care) {TO}{JUST}(?:live|"
        r"be alive|exist|be here|be around|wake up|keep living|go on|keep going|"
        r"be on this earth|breathe|see tomorrow|make it)(?! (?:early|so early|at \d|"
        r"before|for (?:work|school|class)|in the morning|with|to|without|like that|"
        r"the same|that way|here for|at this|in this (?:job|town|house|city|place)|"
        r"on (?:this|that) (?:job|team|dose)))",
    ),
    (
        "hoping not to wake up, sleeping forever",
        r"(?:hope|hoping|pray|praying|wish|wishing) (?:that )?i (?:don'?t|do not|"
        r"never|won'?t|wont|will not|didn'?t) (?:\w+ )?wake (?:up)?+(?! (?:with|"
        r"feeling|sick|hungover|tired|in pain|sore|early|at|before|late|too|so|until|"
        r"till|in time|on time|for))|(?:go to sleep|fall asleep|sleep|"
        r"close my eyes) and (?:never|not|don'?t) (?:wake|open them)|"
        rf"never wake up again|(?:{WANT}|wish i could |"
        rf"just ){JUST}(?:go to )?sleep forever|(?:{WANT}|wish i could |"
        rf"just ){JUST}(?:go to sleep|sleep|fall asleep) and (?:never|not) wake",
    ),
    (
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
        "no point or reason in going on",
        rf"(?:no|any|zero|{DONT} (?:really |even |honestly )?(?:see|find|"
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
        "can't go on, done with everything",
        rf"{CANT} (?:go on|keep going|keep living|carry on|do (?:this|it|"
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
        "wanting out of life, no way out but death",
        r"(?:(?:hopefully|hope i|hoping i) (?:just )?(?:don'?t|not|never|won'?t)|"
        r"(?:and|then) (?:just |hopefully )?(?:never|not)) wake (?:up|"
        r"back up)(?! (?:early|for|before|at \d|in time|on time|till|until|with|"
        r"feeling|sick|hungover|tired|in pain|sore|late|too|so))|(?:relapse|use|"
        r"shoot up|take (?:it all|everything)|od|overdose) on purpose|"
        rf"{WANT}{JUST}(?:out of (?:this|my) life|off this (?:planet|earth|ride)|"
        r"to leave this (?:world|earth|life))|(?:no way out|only way out|"
        r"only way to stop (?:the|this) pain|only escape)(?: is| left| but| except|"
        r" other than)? (?:to )?(?:dying|death|die|suicide|ending it|ending my life|"
        r"killing myself|to end it)|(?:death|dying|suicide) (?:is|seems like|"
        r"feels like) (?:the|my) only (?:way out|answer|option|escape|choice)|"
        rf"{WANT}{JUST}end it(?= ?(?:$|[.!?;]|now|already|so bad|honestly|tonight|"
        r"for real|,? i'?m|,? i can'?t|,? i just|,? i really|i'?m done))|"
        r"how (?:much )?(?:longer|long) (?:i can|can i|i'?ll be able to|"
        r"i will be able to) (?:keep (?:living|going|doing this|on|holding on|"
        r"fighting)|go on|hold on|last|live like this|survive|stay alive|be here)|"
        r"(?:pills?|meds|tablets) (?:are |all )?(?:lined up|counted out|laid out|"
        r"in front of me|ready to go|all ready)|(?:counted|counting|lined|lining|"
        rf"laid|laying) (?:out |up )(?:all )?(?:my |the )?{PILLS}(?! for (?:the week|"
        r"tomorrow|my (?:sister|mom|dad|kid|son|daughter)))",
    ),
    (
        "dwelling on dying, looking up ways",
        r"(?:think|thinking|thought|dream|dreaming|fantasi[sz]e|fantasi[sz]ing|"
        r"obsess|obsessing|obsessed) (?:a lot |all the time |"
        r"constantly )?about (?:dying|being dead|not being (?:here|alive|around)|"
        r"not existing|killing myself|ending (?:it|it all|my life|things)|"
        rf"my (?:own )?death|death|{SUICIDE}|how to die|ways to die)|(?:research|"
        r"researching|researched|look|looking|looked|googl(?:e|ing|ed)|search|"
        r"searching|searched|read|reading) (?:up )?(?:for )?(?:ways|methods|how|"
        r"the (?:best|easiest|quickest) way|(?:a )?painless ways?) (?:to |"
        r"of )?(?:die|dying|kill myself|killing myself|end (?:it|my life)|overdose|"
        r"od|commit suicide|do it)|(?:painless|easiest|quickest|best|quick|"
        r"easy) ways? to (?:die|kill myself|end it|end my life|go to sleep forever)|"
        r"(?:use|turn|point|pointing|using|turning) (?:it|the gun|a gun|my gun|"
        rf"the knife|a knife|the blade) (?:on|against) {SELF}|(?:written|wrote|"
        r"writing|left|leaving|finished) (?:\w+ )?(?:letters|notes|goodbyes|"
        r"goodbye messages) (?:to|for) (?:my|everyone|all|each of)|if (?:you|"
        r"u) (?:don'?t|never) (?:hear from me|see me (?:post|here)) (?:again|"
        r"tomorrow|after (?:today|tonight))|if i (?:don'?t|never) (?:post|reply|"
        r"come back|show up|answer) (?:again|tomorrow)[^.!?]{0,20}(?:you know why|"
        r"that'?s why|it'?s because|know that|i love)|end(?:ing)? (?:my|the|"
        r"this) pain (?:for good|forever|permanently|once and for all)|(?:offing|"
        rf"thinking (?:of|about) off(?:ing)?) {SELF}|(?:no ?one|nobody|noone|"
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
        "not deserving to live, not safe with oneself, joining the dead",
        r"(?:shouldn'?t|should not|don'?t deserve to|do not deserve to|"
        r"dont deserve to|no right to) (?:be alive|live|exist|be here|"
        r"have been born)(?! (?:after|given|considering|with|by now|like this|in|"
        r"this way|on the street|today|anyway))|why (?:am i|'?m i|do i|"
        r"bother) (?:even |still )?(?:alive|exist|existing|living|breathing|"
        r"here any ?more)|what i (?:might|could|would|will|'?ll|am going to|"
        rf"'?m going to) do to {SELF}|(?:don'?t|do not|can'?t|"
        rf"cannot) trust {SELF} (?:to (?:stay|be|keep myself) safe|alone|tonight|"
        r"right now|not to)|(?:not|n'?t) (?:feeling |feel )?safe (?:with|around|"
        rf"by) {SELF}|(?:i'?m|im|i am) not safe (?:right now|tonight|alone|"
        r"at home)(?= ?(?:$|[.!?;,]))|(?:a plan and the means|the means and a plan|"
        r"the means to (?:do it|end it|die|kill myself))|(?:be|go) (?:with|"
        r"to) (?:my \w+|him|her|them|god|jesus) in heaven|(?:join|joining) (?:my \w+|"
        r"him|her|them) (?:soon|in heaven|on the other side)(?= ?(?:$|[.!?;,]))",
    ),
)
