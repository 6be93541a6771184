"""Card markup, byte for byte: cards are written by hand in forum/cards.py for
speed, and every shortcut taken there must leave each card exactly as it was.

The expected cards are whole strings, written out here rather than computed, in
English and Spanish and in a zone behind UTC and one half an hour off it.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from forum.card_rows import PostCard
from forum.cards import CardRenderer
from forum.visibility import Viewer

AUTHOR, READER = 41, 42
MORNING = datetime(2026, 3, 8, 5, 30, tzinfo=ZoneInfo("UTC"))


def _card(viewer, **columns):
    """A decorated row as forum/threads.py hands it to the renderer."""
    post = PostCard()
    post.__dict__.update(
        {
            **dict.fromkeys(PostCard.COLUMNS),
            "id": 7001,
            "kind": "reply",
            "author_id": AUTHOR,
            "depth": 1,
            "body_html": "<p>Day 90 &amp; still here.</p>",
            "status": "published",
            "created_at": datetime(2026, 11, 27, 17, 45, 30, 123456, ZoneInfo("UTC")),
            "hug_count": 2,
            "like_count": 0,
            "me_too_count": 1,
            "author_name": "Sam <O'Neil>",
            "parent_author_name": "Rae",
            **columns,
        }
    )
    post.viewer_can_reply = post.viewer_can_react = post.viewer_can_edit = False
    post.viewer_can_withdraw = post.viewer_can_report = False
    post.my_reactions = frozenset()
    post.shown = viewer.card_view(post)
    post.display_depth = min(post.depth, 4)
    post.replying_to = post.parent_author_name if post.depth > 4 else None
    return post


def _interactive(post):
    post.viewer_can_reply = post.viewer_can_react = post.viewer_can_edit = True
    post.viewer_can_withdraw = post.viewer_can_report = True
    post.my_reactions = frozenset({"hug"})
    return post


def _posts():
    member = Viewer(pk=READER, is_member=True, is_moderator=False)
    author = Viewer(pk=AUTHOR, is_member=True, is_moderator=False)
    muting = Viewer(
        pk=READER, is_member=True, is_moderator=False, muted=frozenset({AUTHOR})
    )
    return {
        "published reply": _card(member),
        "question, pinned, locked, edited": _card(
            member,
            kind="question",
            depth=0,
            pinned_at=MORNING,
            locked_at=MORNING,
            edited_at=MORNING,
            created_at=MORNING,
        ),
        "edited, seen by its author, with a picture": _card(
            author,
            edited_at=MORNING,
            thumbnail_width=320,
            thumbnail_height=240,
            picture_alt='A "sunrise"',
        ),
        "removed, to another member": _card(member, status="removed"),
        "hidden, to its author, with a reason": _card(
            author, status="hidden", status_reason="Off topic <b>"
        ),
        "held, to its author": _card(author, status="held", kind="update", depth=0),
        "muted, deep, replying to a former member": _card(
            muting,
            depth=6,
            parent_author_name="A former member",
            body_html="",
            created_at=datetime(2026, 1, 5, 0, 7, tzinfo=ZoneInfo("UTC")),
        ),
        "visitor question": _card(member, author_id=None, kind="question", depth=0),
        "by a former member": _card(member, author_name="A former member"),
        "interactive": _interactive(_card(member)),
    }


CARDS = [
    (
        "en",
        "America/New_York",
        "published reply",
        '<article id="post-7001" class="post depth-1" aria-labelledby="post-700'
        '1-by"><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">replied '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-11-27T12:45:30-05:00">Nov 27, 2026, 12:45 p.m.'
        '</time></a></span></header><div class="post-body">'
        '<p>Day 90 &amp; still here.</p></div><footer class="post-actions">'
        '<span class="reaction-static">Hug 2</span>'
        '<span class="reaction-static">Me too 1</span></footer></article>',
    ),
    (
        "en",
        "Asia/Kolkata",
        "question, pinned, locked, edited",
        '<article id="post-7001" class="post depth-0" aria-labelledby="post-700'
        '1-by"><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">Asked '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-03-08T11:00:00+05:30">Mar 8, 2026, 11:00 a.m.'
        '</time></a></span><span class="post-edited">edited</span>'
        '<span class="badge">Pinned</span>'
        '<span class="badge">Locked: no new replies</span></header>'
        '<p class="post-kind">Question</p><div class="post-body">'
        '<p>Day 90 &amp; still here.</p></div><footer class="post-actions">'
        '<span class="reaction-static">Hug 2</span>'
        '<span class="reaction-static">Me too 1</span></footer></article>',
    ),
    (
        "en",
        "America/New_York",
        "edited, seen by its author, with a picture",
        '<article id="post-7001" class="post depth-1" aria-labelledby="post-700'
        '1-by"><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">replied '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-11-27T12:45:30-05:00">Nov 27, 2026, 12:45 p.m.'
        "</time></a></span>"
        '<a class="post-edited" href="/posts/7001/history/" title="See the edit'
        ' history">edited</a></header><div class="post-body">'
        '<p>Day 90 &amp; still here.</p></div><p class="post-picture">'
        '<a href="/posts/7001/picture/">'
        '<img src="/posts/7001/thumbnail/" width="320" height="240" alt="A &quo'
        't;sunrise&quot;" loading="lazy"></a></p><footer class="post-actions">'
        '<span class="reaction-static">Hug 2</span>'
        '<span class="reaction-static">Me too 1</span></footer></article>',
    ),
    (
        "en",
        "America/New_York",
        "removed, to another member",
        '<article id="post-7001" class="post depth-1 post-tombstone" aria-label'
        'ledby="post-7001-by">'
        '<p class="tombstone" id="post-7001-by">Removed by a moderator · '
        '<time datetime="2026-11-27T12:45:30-05:00">Nov 27, 2026</time></p>'
        "</article>",
    ),
    (
        "en",
        "America/New_York",
        "hidden, to its author, with a reason",
        '<article id="post-7001" class="post depth-1 post-tombstone" aria-label'
        'ledby="post-7001-by"><p class="moderation-note" role="status">'
        "<strong>Hidden by a moderator."
        "</strong> Reason: Off topic &lt;b&gt;. Other members see only that it "
        'was hidden by a moderator.</p><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">replied '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-11-27T12:45:30-05:00">Nov 27, 2026, 12:45 p.m.'
        '</time></a></span></header><div class="post-body">'
        '<p>Day 90 &amp; still here.</p></div><footer class="post-actions">'
        '<span class="reaction-static">Hug 2</span>'
        '<span class="reaction-static">Me too 1</span></footer></article>',
    ),
    (
        "en",
        "America/New_York",
        "held, to its author",
        '<article id="post-7001" class="post depth-0" aria-labelledby="post-700'
        '1-by"><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">posted '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-11-27T12:45:30-05:00">Nov 27, 2026, 12:45 p.m.'
        '</time></a></span><span class="badge badge-held">Waiting for review'
        '</span></header><div class="post-body"><p>Day 90 &amp; still here.</p>'
        '</div><footer class="post-actions"><span class="reaction-static">Hug 2'
        '</span><span class="reaction-static">Me too 1</span></footer>'
        "</article>",
    ),
    (
        "en",
        "America/New_York",
        "muted, deep, replying to a former member",
        '<article id="post-7001" class="post depth-4" aria-labelledby="post-700'
        '1-by"><details class="muted-post">'
        "<summary>You muted Sam &lt;O&#x27;Neil&gt; · show</summary>"
        '<header class="post-meta"><span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">replied '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-01-04T19:07:00-05:00">Jan 4, 2026, 7:07 p.m.'
        "</time></a></span>"
        '<span class="replying-to">replying to A former member</span></header>'
        '<footer class="post-actions"><span class="reaction-static">Hug 2'
        '</span><span class="reaction-static">Me too 1</span></footer>'
        "</details></article>",
    ),
    (
        "en",
        "America/New_York",
        "visitor question",
        '<article id="post-7001" class="post depth-0" aria-labelledby="post-700'
        '1-by"><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">A Steady Ground Visitor'
        '</span><span class="post-when">Asked '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-11-27T12:45:30-05:00">Nov 27, 2026, 12:45 p.m.'
        '</time></a></span></header><p class="post-kind">Question</p>'
        '<div class="post-body"><p>Day 90 &amp; still here.</p></div>'
        '<footer class="post-actions"><span class="reaction-static">Hug 2'
        '</span><span class="reaction-static">Me too 1</span></footer>'
        "</article>",
    ),
    (
        "en",
        "America/New_York",
        "by a former member",
        '<article id="post-7001" class="post depth-1" aria-labelledby="post-700'
        '1-by"><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">A former member</span>'
        '<span class="post-when">replied '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-11-27T12:45:30-05:00">Nov 27, 2026, 12:45 p.m.'
        '</time></a></span></header><div class="post-body">'
        '<p>Day 90 &amp; still here.</p></div><footer class="post-actions">'
        '<span class="reaction-static">Hug 2</span>'
        '<span class="reaction-static">Me too 1</span></footer></article>',
    ),
    (
        "en",
        "America/New_York",
        "interactive",
        '<article id="post-7001" class="post depth-1" aria-labelledby="post-700'
        '1-by"><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">replied '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-11-27T12:45:30-05:00">Nov 27, 2026, 12:45 p.m.'
        '</time></a></span></header><div class="post-body">'
        '<p>Day 90 &amp; still here.</p></div><footer class="post-actions">'
        '<form method="post" action="/posts/7001/react/" class="reactions">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="tok&lt;en&gt;">'
        '<input type="hidden" name="next" value="/c/3/?a=1&amp;b=2">'
        '<button type="submit" name="reaction" value="hug:off" class="reaction '
        'reaction-on" aria-pressed="true">Hug <span class="count">2</span>'
        "</button>"
        '<button type="submit" name="reaction" value="like:on" class="reaction"'
        ' aria-pressed="false">Like <span class="count">0</span></button>'
        '<button type="submit" name="reaction" value="me_too:on" class="reactio'
        'n" aria-pressed="false">Me too <span class="count">1</span></button>'
        '</form><a class="action-link" href="/posts/7001/reply/">Reply</a>'
        '<a class="action-link" href="/posts/7001/edit/">Edit</a>'
        '<a class="action-link" href="/posts/7001/report/">Report</a>'
        '<details class="delete-confirm"><summary>Delete</summary>'
        '<form method="post" action="/posts/7001/delete/">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="tok&lt;en&gt;">'
        '<input type="hidden" name="next" value="/c/3/?a=1&amp;b=2">'
        "<p>Delete this post? Replies to it will stay.</p>"
        '<button type="submit" class="button-danger">Delete post</button>'
        "</form></details></footer></article>",
    ),
    (
        "es",
        "Asia/Kolkata",
        "published reply",
        '<article id="post-7001" class="post depth-1" aria-labelledby="post-700'
        '1-by"><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">respondió el '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-11-27T23:15:30+05:30">27 nov 2026, 23:15</time>'
        '</a></span></header><div class="post-body"><p>Day 90 &amp; still here.'
        '</p></div><footer class="post-actions">'
        '<span class="reaction-static">Abrazo 2</span>'
        '<span class="reaction-static">Yo también 1</span></footer></article>',
    ),
    (
        "es",
        "America/New_York",
        "removed, to another member",
        '<article id="post-7001" class="post depth-1 post-tombstone" aria-label'
        'ledby="post-7001-by">'
        '<p class="tombstone" id="post-7001-by">Retirada por el equipo de moder'
        'ación · <time datetime="2026-11-27T12:45:30-05:00">27 nov 2026</time>'
        "</p></article>",
    ),
    (
        "es",
        "America/New_York",
        "muted, deep, replying to a former member",
        '<article id="post-7001" class="post depth-4" aria-labelledby="post-700'
        '1-by"><details class="muted-post">'
        "<summary>Silenciaste a Sam &lt;O&#x27;Neil&gt; · mostrar</summary>"
        '<header class="post-meta"><span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">respondió el '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-01-04T19:07:00-05:00">4 ene 2026, 19:07</time>'
        '</a></span><span class="replying-to">en respuesta a Un antiguo miembro'
        '</span></header><footer class="post-actions">'
        '<span class="reaction-static">Abrazo 2</span>'
        '<span class="reaction-static">Yo también 1</span></footer></details>'
        "</article>",
    ),
    (
        "es",
        "America/New_York",
        "interactive",
        '<article id="post-7001" class="post depth-1" aria-labelledby="post-700'
        '1-by"><header class="post-meta">'
        '<span id="post-7001-by" class="post-author">'
        '<a href="/members/41/">Sam &lt;O&#x27;Neil&gt;</a></span>'
        '<span class="post-when">respondió el '
        '<a href="/posts/7001/" class="permalink">'
        '<time datetime="2026-11-27T12:45:30-05:00">27 nov 2026, 12:45</time>'
        '</a></span></header><div class="post-body"><p>Day 90 &amp; still here.'
        '</p></div><footer class="post-actions">'
        '<form method="post" action="/posts/7001/react/" class="reactions">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="tok&lt;en&gt;">'
        '<input type="hidden" name="next" value="/c/3/?a=1&amp;b=2">'
        '<button type="submit" name="reaction" value="hug:off" class="reaction '
        'reaction-on" aria-pressed="true">Abrazo <span class="count">2</span>'
        "</button>"
        '<button type="submit" name="reaction" value="like:on" class="reaction"'
        ' aria-pressed="false">Me gusta <span class="count">0</span></button>'
        '<button type="submit" name="reaction" value="me_too:on" class="reactio'
        'n" aria-pressed="false">Yo también <span class="count">1</span>'
        "</button></form>"
        '<a class="action-link" href="/posts/7001/reply/">Responder</a>'
        '<a class="action-link" href="/posts/7001/edit/">Editar</a>'
        '<a class="action-link" href="/posts/7001/report/">Reportar</a>'
        '<details class="delete-confirm"><summary>Borrar</summary>'
        '<form method="post" action="/posts/7001/delete/">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="tok&lt;en&gt;">'
        '<input type="hidden" name="next" value="/c/3/?a=1&amp;b=2">'
        "<p>¿Borrar esta publicación? Las respuestas que tenga se quedarán.</p>"
        '<button type="submit" class="button-danger">Borrar publicación'
        "</button></form></details></footer></article>",
    ),
]


@pytest.mark.parametrize(("language", "zone", "state", "expected"), CARDS)
def test_cards_come_out_byte_for_byte_as_pinned(language, zone, state, expected):
    with translation.override(language), timezone.override(ZoneInfo(zone)):
        renderer = CardRenderer(csrf_token="tok<en>", next_url="/c/3/?a=1&b=2")
        assert renderer.card(_posts()[state]) == expected


def test_a_page_of_cards_is_its_cards_in_order():
    with translation.override("en"), timezone.override(ZoneInfo("America/New_York")):
        renderer = CardRenderer()
        posts = list(_posts().values())[:3]
        assert renderer.whole_tree(posts) == "".join(map(renderer.card, posts))
