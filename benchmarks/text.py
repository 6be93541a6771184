"""Made-up member text for the benchmark community, written for this project.

Posts are a few sentences drawn from small banks, so the words (and therefore the
search index) look like a recovery community's without copying anyone's words.
Nothing here trips the crisis, overdose, sourcing or contact-detail screens.
"""

import random

OPENINGS = [
    "Checking in from a rainy Tuesday.",
    "Day {n} today.",
    "Small win to share.",
    "Rough night, better morning.",
    "Quick update before work.",
    "Been quiet here for a while, still reading every day.",
    "Six months on buprenorphine this week.",
    "First post after a long time lurking.",
    "Thank you all for the kind replies yesterday.",
    "Sunday reflection.",
]
MIDDLES = [
    "The cravings were loud around dinner time, so I went for a long walk instead.",
    "My sponsor picked up on the first ring and we talked until it passed.",
    "Went to the evening meeting and actually shared for once.",
    "Sleep is still patchy but it gets a little better every week.",
    "My prescriber agreed to keep my dose where it is, which is a relief.",
    "I cooked a proper breakfast and sat outside with my coffee.",
    "Family dinner went fine. I left early when it got tense and that was okay.",
    "Started journaling again; writing down triggers helps me see them coming.",
    "The clinic changed my pickup day, which threw off my whole routine.",
    "Work has been stressful and I noticed old thinking creeping back in.",
    "I reached out to someone from group instead of isolating.",
    "Counselling this week was about shame, and it was hard but useful.",
    "My kids and I went to the park and I was present the whole time.",
    "Anxiety is high today, so I am keeping the plan simple.",
    "I finally told my doctor about the sweating at night.",
    "Walking the dog every morning has become my anchor.",
    "A friend from the old days texted and I did not answer. Proud of that.",
    "The weekend meeting has a new chair and the room felt welcoming.",
    "I keep a list of reasons on my phone and read it when things get loud.",
    "Tapering slowly with my prescriber; no rush, just steady steps.",
    "Got my first paycheck from the new job and paid a bill on time.",
    "Methadone clinic mornings are long, but the staff know my name now.",
    "Meditation for five minutes is all I manage, and that counts.",
    "My partner came to a family group with me and asked good questions.",
]
CLOSINGS = [
    "One day at a time.",
    "Sending strength to anyone struggling tonight.",
    "How are the rest of you doing with the holidays coming up?",
    "Grateful for this place.",
    "Does anyone else find evenings the hardest part?",
    "Still here, still steady.",
    "Tomorrow I have a check-in with my counsellor.",
    "Taking it easy tonight with a movie and tea.",
    "",
]
REPLIES = [
    "So glad you reached out instead of sitting with it alone.",
    "That is a real win. Thank you for sharing it.",
    "Evenings are the hardest for me too. A walk after dinner helps.",
    "Proud of you. The first months are the toughest part.",
    "Same here with the sleep. It did get better for me around month four.",
    "Have you talked with your prescriber about it? Mine was very understanding.",
    "Sending you a hug. You are not alone in this.",
    "I keep a list like that too, it really works on the loud days.",
    "Meetings saved me more than once. Keep going back.",
    "Thank you, reading this made my morning.",
    "Journaling helped me notice my triggers as well.",
    "Family stuff is so hard. Leaving early is a good boundary.",
]
SEARCH_WORD = "cravings"  # appears in a few percent of posts, like a real query


def update_text(rng: random.Random) -> str:
    opening = rng.choice(OPENINGS).format(n=rng.randint(3, 900))
    middle = " ".join(rng.sample(MIDDLES, rng.randint(1, 3)))
    closing = rng.choice(CLOSINGS)
    if rng.random() < 0.3:
        return f"{opening}\n\n{middle}\n\n{closing}".strip()
    return f"{opening} {middle} {closing}".strip()


def reply_text(rng: random.Random) -> str:
    text = rng.choice(REPLIES)
    if rng.random() < 0.4:
        text += " " + rng.choice(MIDDLES)
    return text


ADJECTIVES = [
    "Quiet", "Steady", "Gentle", "Brave", "Calm", "Patient", "Hopeful", "Kind",
    "Bright", "Early", "Slow", "True", "Open", "Still", "Warm", "Clear",
]  # fmt: skip
NOUNS = [
    "River", "Harbor", "Lantern", "Juniper", "Meadow", "Sparrow", "Willow", "Ember",
    "Stone", "Cedar", "Maple", "Heron", "Fern", "Comet", "Tide", "Ridge",
]  # fmt: skip


def pseudonym(number: int) -> str:
    """A distinct display name for member `number` (unique up to 256,000)."""
    adjective = ADJECTIVES[number % len(ADJECTIVES)]
    noun = NOUNS[(number // len(ADJECTIVES)) % len(NOUNS)]
    return f"{adjective}{noun}{number // (len(ADJECTIVES) * len(NOUNS)) + 1}"
