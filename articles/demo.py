"""Demo articles for `manage.py seed_demo`, written in our own words.

Medical statements are kept general and hedged; they are demo content, reviewed
by a demo reviewer, and not a substitute for a real clinical review.
"""

from django.conf import settings
from django.test import override_settings

from articles import publishing, translations
from articles.models import Article, Poll, PollOption, Reference, ReviewerProfile, Topic
from community.demo import person
from forum import actions, moderation

TOPICS = {
    "medications": (
        "Medications for OUD",
        "Methadone, buprenorphine, naltrexone and how they help.",
    ),
    "research": (
        "Research",
        "What studies are finding, and what they can't tell us yet.",
    ),
    "overdose": ("Overdose and naloxone", "Recognising an overdose and what to do."),
}

KETAMINE = {
    "slug": "ketamine-for-opioid-use-disorder-what-research-shows",
    "title": "Ketamine for Opioid Use Disorder: What the Research Shows So Far",
    "topics": ["research", "medications"],
    "takeaways": [
        "A handful of small studies have tested ketamine for opioid withdrawal and "
        "for staying off opioids; the results are early and mixed.",
        "Some studies reported that ketamine eased withdrawal symptoms, mostly in "
        "hospital settings with close monitoring.",
        "Ketamine is not FDA-approved to treat opioid use disorder.",
        "Methadone and buprenorphine remain the standard, best-studied medications "
        "for OUD and lower the risk of dying from an overdose.",
        "Ketamine has known side effects, including feeling detached or dreamlike, "
        "raised blood pressure, nausea and, with frequent use, bladder problems.",
    ],
    "summary": (
        "Researchers are curious about ketamine because it acts on different brain "
        "systems from opioids and may briefly ease withdrawal and cravings. The "
        "studies so far are small, often lack comparison groups, and followed people "
        "for a short time. Until larger trials report, ketamine is an experimental "
        "idea for OUD, not a replacement for proven medications. If you are curious, "
        "the best next step is a conversation with your prescriber."
    ),
    "body": """## Why researchers are looking at ketamine

Ketamine has been used for decades as an anesthetic in hospitals. It works mainly on a brain
receptor called NMDA, which is different from the opioid receptors that heroin, fentanyl,
methadone and buprenorphine act on. That difference is what makes researchers curious:
could a medicine that works another way help with withdrawal or cravings?

## What the studies have found

- **Withdrawal:** a few small studies, mostly during medically supervised detox in a
  hospital, reported that people who were given ketamine had milder withdrawal symptoms.
- **Staying off opioids:** one early study combined ketamine sessions with counselling and
  found more people were not using opioids months later than in a comparison group.
- **Limits:** most studies enrolled dozens of people, not thousands. Many had no placebo
  group, and few followed people for long.

## What this means for you

Ketamine is **not FDA-approved** for opioid use disorder. The medications with the strongest
evidence are still **methadone** and **buprenorphine**: they reduce cravings and withdrawal,
and people who take them are much less likely to die from an overdose. Naltrexone is another
approved option for some people.

## Side effects and risks

Ketamine can make people feel detached from their body or surroundings, raise blood pressure
and heart rate, and cause nausea or dizziness. Frequent, long-term use has been linked to
bladder problems, and ketamine itself can be misused. Research use happens with medical
monitoring for these reasons.

## Questions to bring to your prescriber

| If you're wondering… | You could ask… |
|---|---|
| Whether a study is recruiting | "Are there clinical trials I could be eligible for?" |
| About your current medication | "Is my dose still right for me?" |
| About cravings | "What else could help with cravings?" |
""",
    "references": [
        "Krupitsky E, et al. Single versus repeated sessions of ketamine-assisted "
        "psychotherapy for people with heroin dependence. J Subst Abuse Treat. 2002.",
        "Jovaisa T, et al. Effects of ketamine on precipitated opiate withdrawal. "
        "Medicina (Kaunas). 2006.",
        (
            "Substance Abuse and Mental Health Services Administration. Medications "
            "for substance use disorders. Accessed November 2026.",
            "https://www.samhsa.gov/medications-substance-use-disorders",
        ),
    ],
    "crisis": False,
}

MOUD = {
    "slug": "medications-for-opioid-use-disorder",
    "title": "Medications for Opioid Use Disorder: Methadone, Buprenorphine and Naltrexone",
    "topics": ["medications"],
    "takeaways": [
        "Three medications are FDA-approved for opioid use disorder: methadone, "
        "buprenorphine and naltrexone.",
        "Methadone and buprenorphine lower the risk of dying from an overdose.",
        "Taking medication for OUD is recovery, not a substitute for it.",
        "The right medication depends on your history, your health and what fits "
        "your life; you can talk it through with a prescriber.",
    ],
    "summary": (
        "Medication for opioid use disorder (MOUD) treats a medical condition. "
        "Methadone is given through specialised clinics; buprenorphine can be "
        "prescribed by many clinicians; naltrexone blocks opioids and is started "
        "after a period without them. Many people stay on medication for a long time, "
        "and that is a valid, healthy choice."
    ),
    "body": """## How each medication works

**Methadone** fully activates opioid receptors, slowly and steadily, so it prevents
withdrawal and reduces cravings without the highs and lows.

**Buprenorphine** partly activates the same receptors. It has a "ceiling effect" that makes
it safer in overdose, and since 2023 any clinician who can prescribe controlled medicines can
prescribe it for OUD.

**Naltrexone** blocks opioid receptors. It is started after a period without opioids and is
often given as a monthly injection.

## Finding care

You can search for providers at FindTreatment.gov or call the SAMHSA National Helpline,
which is free and confidential.
""",
    "references": [
        (
            "Substance Abuse and Mental Health Services Administration. Medications "
            "for substance use disorders. Accessed November 2026.",
            "https://www.samhsa.gov/medications-substance-use-disorders",
        ),
        ("FindTreatment.gov. Accessed November 2026.", "https://findtreatment.gov/"),
    ],
    "crisis": False,
}

NALOXONE = {
    "slug": "naloxone-and-overdose",
    "title": "Naloxone and Overdose: What Everyone Should Know",
    "topics": ["overdose"],
    "takeaways": [
        "Naloxone (Narcan) can reverse an opioid overdose and is sold without a "
        "prescription.",
        "Call 911 first, then give naloxone, and stay with the person.",
        "Naloxone can wear off before the opioids do, so the person needs medical care.",
    ],
    "summary": (
        "Anyone can learn to recognise an overdose and give naloxone. Keeping it at "
        "home, in a bag or in the car, and telling the people around you where it is, "
        "can save a life, including your own."
    ),
    "body": """## Signs of an overdose

The person won't wake up when you shout or rub their breastbone hard; breathing is slow,
shallow or has stopped; lips and fingertips turn blue or grey; pupils are very small.

## Carrying naloxone

Nasal naloxone is available over the counter at many pharmacies. Check the expiry date and
keep it somewhere people can find it quickly.
""",
    "references": [
        (
            "US Food and Drug Administration. FDA approves first over-the-counter "
            "naloxone nasal spray. 2023. Accessed November 2026.",
            "https://www.fda.gov/news-events/press-announcements/fda-approves-first-over-counter-naloxone-nasal-spray",
        ),
    ],
    "crisis": True,
}

# The naloxone article in Spanish: the same facts, reviewed like any article.
NALOXONE_ES = {
    "slug": "naloxona-y-sobredosis",
    "title": "La naloxona y las sobredosis: lo que todos deberían saber",
    "takeaways": [
        "La naloxona (Narcan) puede revertir una sobredosis de opioides y se vende "
        "sin receta.",
        "Llama primero al 911, después da la naloxona y quédate con la persona.",
        "El efecto de la naloxona puede pasarse antes que el de los opioides, así que "
        "la persona necesita atención médica.",
    ],
    "summary": (
        "Cualquier persona puede aprender a reconocer una sobredosis y a dar "
        "naloxona. Tenerla en casa, en la mochila o en el carro, y contarles a las "
        "personas cercanas dónde está, puede salvar una vida, incluso la tuya."
    ),
    "body": """## Señales de una sobredosis

La persona no se despierta aunque le grites o le frotes con fuerza el esternón; respira
despacio, de forma superficial, o ha dejado de respirar; los labios y las puntas de los dedos
se ponen azules o grises; las pupilas se ven muy pequeñas.

## Tener naloxona a mano

La naloxona en aerosol nasal se vende sin receta en muchas farmacias. Revisa la fecha de
vencimiento y guárdala donde otras personas puedan encontrarla rápido.
""",
}

# A change to a published article, waiting for the reviewer's sign-off: readers
# keep seeing the reviewed text; the reviewer sees this as a word diff.
MOUD_CHANGE = {
    "old": (
        "it safer in overdose, and since 2023 any clinician who can prescribe "
        "controlled medicines can\nprescribe it for OUD."
    ),
    "new": (
        'it safer in overdose. Since 2023 the special "X-waiver" is no longer '
        "needed: clinicians who can\nprescribe controlled medicines can prescribe "
        "it for OUD, and some people can start it through a\ntelehealth visit."
    ),
    "note": "Say plainly that the X-waiver is gone; mention telehealth starts.",
}

POLL_QUESTION = (
    "Which topic do you most want to discuss at your next doctor's appointment?"
)
POLL_OPTIONS = [
    "Whether my medication dose is right",
    "Managing cravings",
    "New treatments I've read about",
    "Sleep, mood or stress",
    "Something else",
]

COMMENTS = [
    (
        "river@example.com",
        "Interesting read. I asked about ketamine once and my prescriber walked me "
        "through why she'd rather adjust my buprenorphine first. Glad I asked.",
    ),
    (
        "lantern@example.com",
        "The side-effects part is useful. Feeling detached is the last thing I need "
        "right now.",
    ),
]
REPLY = (
    "juniper@example.com",
    "Same here. Bringing a list of questions like the table above made my last "
    "appointment so much less stressful.",
)
VISITOR_QUESTION = (
    "If someone is on methadone, would a ketamine study even accept them? My partner "
    "is curious but nervous."
)


def seed(stdout):
    if Article.objects.exists():
        stdout.write("Demo articles already exist.")
        _seed_translation(stdout)  # databases seeded before translations existed
        return
    editor = person("editor@example.com")
    reviewer = person("reviewer@example.com")
    ReviewerProfile.objects.get_or_create(
        user=reviewer,
        defaults={
            "specialty": "Clinical pharmacist, addiction medicine",
            "bio": "Helps people and their prescribers get medication for OUD right.",
            "conflict_of_interest": "None.",
        },
    )
    topics = {
        key: Topic.objects.get_or_create(
            slug=key, defaults={"name": name, "description": text}
        )[0]
        for key, (name, text) in TOPICS.items()
    }
    articles = [
        _publish(spec, editor, reviewer, topics) for spec in [KETAMINE, MOUD, NALOXONE]
    ]
    ketamine, moud = articles[0], articles[1]
    _add_poll(ketamine, editor, reviewer)
    _propose_change(moud, editor)
    _seed_conversation(ketamine.conversation)
    stdout.write(
        "Demo articles: 3 published and reviewed, a poll, a conversation, and a "
        "change waiting for review (Editorial, as reviewer@)."
    )
    _seed_translation(stdout)


def _add_poll(article, editor, reviewer):
    poll = Poll.objects.create(article=article, question=POLL_QUESTION)
    for position, text in enumerate(POLL_OPTIONS, start=1):
        PollOption.objects.create(poll=poll, position=position, text=text)
    # The poll is reviewed content: the reviewer signs off the article with it.
    publishing.record_revision(article, editor=editor, note="Add a poll.")
    publishing.approve_article(article, reviewer=reviewer, notes="Poll is neutral.")


def _seed_conversation(conversation):
    """Members' comments, a reply, and a visitor's question a moderator approved."""
    unlimited = dict.fromkeys(settings.FORUM_RATE_LIMITS, (10**9, 1))
    # Demo members are new; their posts would otherwise wait for review.
    with override_settings(FORUM_RATE_LIMITS=unlimited, FORUM_HOLD_FIRST_POSTS=0):
        posts = [
            actions.post_comment(conversation, author=person(email), body=body).post
            for email, body in COMMENTS
        ]
        actions.reply_to_post(posts[0], author=person(REPLY[0]), body=REPLY[1])
        question = actions.ask_question(
            author=None,
            body=VISITOR_QUESTION,
            conversation=conversation,
            visitor_key="demo-article",
        ).post
        moderation.approve_post(question, moderator=person("mod@example.com"))


def _seed_translation(stdout):
    """The naloxone article's Spanish translation, reviewed and published, once."""
    original = Article.objects.filter(
        slug=NALOXONE["slug"], status=Article.Status.PUBLISHED
    ).first()
    if original is None or original.translations.filter(language="es").exists():
        return
    editor = person("editor@example.com")
    reviewer = person("reviewer@example.com")
    translation = translations.start_translation(original, editor=editor, language="es")
    translation.slug = NALOXONE_ES["slug"]
    translation.title = NALOXONE_ES["title"]
    translation.key_takeaways = NALOXONE_ES["takeaways"]
    translation.summary = NALOXONE_ES["summary"]
    translation.body = NALOXONE_ES["body"]
    publishing.save_article(translation, editor=editor, note="Traducción al español.")
    publishing.submit_for_review(translation, editor=editor)
    publishing.approve_article(
        translation,
        reviewer=reviewer,
        notes="Same facts as the English original; clear for Spanish readers.",
    )
    stdout.write("Demo articles: the naloxone article in Spanish, reviewed.")


def _propose_change(article, editor):
    article.refresh_from_db()
    if MOUD_CHANGE["old"] not in article.body:
        raise ValueError("The demo change no longer matches the demo article.")
    article.body = article.body.replace(MOUD_CHANGE["old"], MOUD_CHANGE["new"])
    publishing.save_article(article, editor=editor, note=MOUD_CHANGE["note"])


def _publish(spec, editor, reviewer, topics):
    article = Article(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        key_takeaways=spec["takeaways"],
        body=spec["body"],
        shows_crisis_note=spec["crisis"],
    )
    publishing.save_article(article, editor=editor)
    article.topics.set([topics[key] for key in spec["topics"]])
    for position, reference in enumerate(spec["references"], start=1):
        text, url = reference if isinstance(reference, tuple) else (reference, "")
        Reference.objects.create(article=article, position=position, text=text, url=url)
    publishing.submit_for_review(article, editor=editor)
    return publishing.approve_article(
        article,
        reviewer=reviewer,
        notes="Accurate and balanced for a general audience.",
    )
