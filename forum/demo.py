"""Demo conversations for `manage.py seed_demo`, written in our own words."""

from io import BytesIO

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image, ImageDraw

from community.demo import person
from forum import actions, messaging
from forum.models import Post, PrivateMessage

UPDATES = [
    (
        "river@example.com",
        "Six months on buprenorphine today. The biggest change isn't the cravings, "
        "it's that I sleep through the night again. If you're in week one: it gets "
        "easier.",
        None,
    ),
    (
        "juniper@example.com",
        "First tomatoes from the garden. My counselor suggested I find something "
        "that grows slowly, so I can see that slow is still progress.",
        ("First tomatoes on the vine", (214, 69, 65), (76, 140, 74)),
    ),
    (
        "lantern@example.com",
        "Rough day. Old neighborhood, old feelings. I called my sponsor instead of "
        "anyone else, and I'm home now. Posting so I remember that it worked.",
        None,
    ),
    (
        "river@example.com",
        "",
        ("Sunrise over the lake on my morning walk", (247, 177, 94), (93, 132, 179)),
    ),
]

THREAD = [
    # (author, body); each replies to the one before it
    (
        "juniper@example.com",
        "Does anyone else find that the afternoons are the hardest part of the day?",
    ),
    (
        "river@example.com",
        "Yes! Around 3 pm for me. I started taking a short walk at that time.",
    ),
    (
        "juniper@example.com",
        "A walk is a good idea. Do you go alone or with someone?",
    ),
    (
        "lantern@example.com",
        "Not who you asked, but I walk with a podcast. It keeps my head busy.",
    ),
    (
        "river@example.com",
        "Podcasts work for me too. Happy to swap recommendations in a new thread.",
    ),
    (
        "juniper@example.com",
        "Deal. Thank you both, this helped more than you know.",
    ),
]

VISITOR_QUESTION = (
    "My brother just started methadone. How can I support him without "
    "hovering? I don't want to make him feel watched."
)


def demo_picture(top, bottom):
    """A soft two-colour gradient standing in for a member's photo."""
    width, height = 960, 640
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(
                round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)
            ),
        )
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return SimpleUploadedFile("demo.jpg", buffer.getvalue(), content_type="image/jpeg")


PRIVATE_MESSAGES = [
    (
        "river@example.com",
        "Juniper, your tomato photo made my morning. How's the garden?",
    ),
    (
        "juniper@example.com",
        "Thank you! Slow, like everything worth doing. How are you?",
    ),
    ("river@example.com", "Steady. Group tonight, then an early night."),
]
# Sourcing wording: held by the seeded watched words, waiting in the review list.
HELD_PRIVATE_MESSAGE = (
    "lantern@example.com",
    "juniper@example.com",
    "anyone selling subs?",
)


def seed(stdout):
    _seed_posts(stdout)
    _seed_private_messages(stdout)


def _seed_private_messages(stdout):
    """Two demo members' short conversation, and one held sourcing message."""
    if PrivateMessage.objects.filter(author__email__endswith="@example.com").exists():
        stdout.write("Demo private messages already exist.")
        return
    unlimited = dict.fromkeys(settings.FORUM_RATE_LIMITS, (10**9, 1))
    with override_settings(FORUM_RATE_LIMITS=unlimited):
        (first_email, first_body), *rest = PRIVATE_MESSAGES
        conversation = messaging.start_conversation(
            author=person(first_email),
            recipients=[person("juniper@example.com")],
            body=first_body,
        ).message.conversation
        for email, body in rest:
            messaging.reply(conversation, author=person(email), body=body)
        author, recipient, body = HELD_PRIVATE_MESSAGE
        held_in = messaging.start_conversation(
            author=person(author),
            recipients=[person(recipient)],
            body="Hi Juniper, your post about the first year stayed with me.",
        ).message.conversation
        messaging.reply(held_in, author=person(author), body=body)
    stdout.write("Demo private messages: a conversation and a held message.")


def _seed_posts(stdout):
    if Post.objects.filter(author__email__endswith="@example.com").exists():
        stdout.write("Demo conversations already exist.")
        return
    unlimited = dict.fromkeys(settings.FORUM_RATE_LIMITS, (10**9, 1))
    # Demo members are new; their posts would otherwise wait for review.
    with override_settings(FORUM_RATE_LIMITS=unlimited, FORUM_HOLD_FIRST_POSTS=0):
        posts = []
        for email, body, picture in UPDATES:
            extra = {}
            if picture:
                caption, top, bottom = picture
                extra = {
                    "picture": demo_picture(top, bottom),
                    "picture_alt": caption,
                }
            posts.append(
                actions.post_update(author=person(email), body=body, **extra).post
            )
        parent = None
        for email, body in THREAD:
            if parent is None:
                parent = actions.post_update(author=person(email), body=body).post
            else:
                parent = actions.reply_to_post(
                    parent, author=person(email), body=body
                ).post
        reactions = [
            (posts[0], "juniper@example.com", "like"),
            (posts[0], "lantern@example.com", "hug"),
            (posts[1], "river@example.com", "like"),
            (posts[2], "river@example.com", "hug"),
            (posts[2], "juniper@example.com", "hug"),
            (posts[2], "juniper@example.com", "me_too"),
        ]
        for post, email, kind in reactions:
            actions.set_reaction(post, member=person(email), kind=kind, on=True)
        actions.ask_question(author=None, body=VISITOR_QUESTION, visitor_key="demo")
    stdout.write("Demo conversations: 5 updates, a 6-level thread, a held question.")
