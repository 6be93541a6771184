"""Crisis patterns, acts: using or being revived as a way to die, self-harm, methods
and plans.

Owned by our clinical reviewer (see ``detector`` for how a text is read): change a
pattern only together with community/tests/crisis_table.py, and bump
``CRISIS_LIST_VERSION``. Each row is (comment, pattern): the comment says what the
group of statements is.
"""

from community.crisis.words import (
    IS,
    JUST,
    OD,
    PILLS,
    SELF,
    SUICIDAL,
    THEY,
    WANT,
)

ACT_PATTERNS = (
    # --- Crisis: using, or having been revived, as a way to die -------------------
    (
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
        rf"pray|praying) (?:that )?i (?:{OD}|overdose|die|don'?t make it)|(?:relapse|"
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
        "hurting or cutting oneself, with intent or now",
        # "I harm myself", said as what one does.
        r"(?:i|i still|i sometimes|i often|i always|i just) (?:harm|cut|"
        rf"burn) {SELF}(?! (?:on|while|when (?:shaving|cooking|chopping)|shaving|"
        r"cooking|by accident|accidentally|with (?:a|the) (?:knife|razor|can)|at|in|"
        rf"a|some))|(?:hurt|harm|cut|burn)(?:ing)? {SELF} (?:again|on purpose|"
        r"tonight|intentionally|deliberately)(?! (?:at|in|while|playing|lifting|"
        r"working))|(?:to|wanna|gonna|urges? to|'ll|will|might|keep|kept|started|"
        r"start|been|thinking (?:of|about)|itching to|tempted to|"
        r"need to) (?:\w+ )?(?:hurt|harm|cut|burn|"
        rf"punish)(?:ing)? {SELF}(?! (?:some slack|a break|off from|out of|out))|"
        rf"(?:hurting|harming|cutting|burning) {SELF}(?! (?:some slack|a break|"
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
        "a plan with pills (how many, all of them)",
        r"(?:take|taking|swallow|swallowing|down|downing|chug|chugging|use|using|"
        r"shoot|shooting) (?:up )?(?:all|every (?:single |last )?(?:one|pill|tablet)|"
        r"the (?:whole|entire|rest of the)|a (?:whole|full|entire)|my whole|"
        r"everything|enough) ?(?:of )?(?:my |the |these |those |them|at once|bottle|"
        r"pack|box|stash|supply)?(?: ?(?:of )?(?:my |the |"
        rf"these )?{PILLS})?(?: at once| tonight| and| to (?:die|end|sleep|od|"
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
        rf"enough )?{PILLS}(?: up)?(?= ?(?:$|[.,!?;]|for|to|and|so|just in case|"
        r"until))|(?:overdose|od|o\.d\.) on purpose|(?:intentionally|purposely|"
        rf"deliberately) (?:overdose|od)|(?:{WANT}|i will |i'?ll |i might |"
        rf"i should ){JUST}(?:overdose|od|o\.d\.)(?! ?(?:on (?:bad|sad|cute|emotions|"
        r"coffee|caffeine|sugar|candy|chocolate|netflix|tv|memes)))",
    ),
    (
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
        "someone else threatening to take their life now",
        rf"{THEY}{IS} (?:(?:says|said|keeps saying|kept saying|told me|texted|"
        r"texting|is talking about|talking about|talks about|threatening|threatened|"
        r"wants|want|going|gonna|planning|plans|trying|tried|"
        r"about to) (?:\w+ )?){1,2}(?:to )?(?:kill(?:ing)? (?:him|her|them)sel(?:f|"
        r"ves)|end(?:ing)? (?:his|her|their) (?:own )?life|suicide|commit suicide|"
        r"take (?:his|her|their) (?:own )?life|jump off|overdose on purpose|"
        rf"od on purpose)|{THEY}(?:'s| is) {JUST}{SUICIDAL}",
    ),
)
