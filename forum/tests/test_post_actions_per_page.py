"""A page asks what its viewer may do once (forum.permissions.PostActions), and
every card gets the same answer the single-post rules give the actions."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from community import relations
from community.models import User
from conftest import make_member
from forum import moderation, threads
from forum.models import Post, Status
from forum.permissions import (
    PostActions,
    can_edit_post,
    can_react,
    can_reply,
    can_report,
    can_report_at_risk,
)
from forum.tests.factories import make_conversation, make_reply, make_thread
from forum.tests.query_counting import queries_for

pytestmark = pytest.mark.django_db

RULES = {
    "reply": (can_reply, PostActions.can_reply),
    "react": (can_react, PostActions.can_react),
    "edit": (can_edit_post, PostActions.can_edit),
    # Withdrawing has no single-post function: only cards ask it.
    "withdraw": (
        lambda user, post: PostActions(user).can_withdraw(post),
        PostActions.can_withdraw,
    ),
    "report_at_risk": (can_report_at_risk, PostActions.can_report_at_risk),
    "report": (can_report, PostActions.can_report),
}
CARD_FLAGS = {
    "reply": "viewer_can_reply",
    "react": "viewer_can_react",
    "edit": "viewer_can_edit",
    "withdraw": "viewer_can_withdraw",
    "report_at_risk": "viewer_can_report",
}


def sanction(member, moderator, kind):
    moderation.sanction_member(
        member,
        moderator=moderator,
        kind=kind,
        reason="Heated exchange",
        member_message="Let's take some time away.",
        days=1,
    )


@pytest.fixture
def people(member, other_member, moderator):
    """Every kind of viewer, each loaded afresh as a request would."""
    silenced = make_member("silenced@example.com", "Sage")
    suspended = make_member("suspended@example.com", "Rowan")
    blocked = make_member("blocked@example.com", "Ash")
    inactive = make_member("inactive@example.com", "Fern")
    sanction(silenced, moderator, "silence")
    sanction(suspended, moderator, "suspension")
    relations.keep_away(member, blocked, "block")
    User.objects.filter(pk=inactive.pk).update(is_active=False)
    viewers = {
        name: User.objects.get(pk=person.pk)
        for name, person in {
            "author": member,
            "member": other_member,
            "silenced": silenced,
            "suspended": suspended,
            "blocked_by_author": blocked,
            "inactive": inactive,
            "moderator": moderator,
        }.items()
    }
    viewers["visitor"] = AnonymousUser()
    return viewers


@pytest.fixture
def posts(member, other_member, moderator):
    """The author's posts in every state: each status, outside the edit window,
    in a locked thread and in a locked conversation; and someone else's."""
    conversation = make_conversation()
    roots = make_thread(conversation, member, top_level=len(Status) + 2)
    for root, status in zip(roots, Status, strict=False):
        Post.objects.filter(pk=root.pk).update(status=status)
    old, in_locked_thread = roots[len(Status) :]
    long_ago = timezone.now() - timedelta(days=31)
    Post.objects.filter(pk=old.pk).update(created_at=long_ago)
    reply_in_locked_thread = make_reply(in_locked_thread, member)
    moderation.set_thread_lock(in_locked_thread, moderator=moderator, locked=True)
    others = make_reply(roots[list(Status).index(Status.PUBLISHED)], other_member)
    locked = make_conversation("Locked")
    in_locked = make_thread(locked, member, top_level=1)[0]
    moderation.set_conversation_lock(locked, moderator=moderator, locked=True)
    named = {
        "published": roots[list(Status).index(Status.PUBLISHED)],
        "old": old,
        "reply_in_locked_thread": reply_in_locked_thread,
        "others": others,
        "in_locked_conversation": in_locked,
    }
    every_post = [*roots, reply_in_locked_thread, others, in_locked]
    return conversation, every_post, {name: fresh(p) for name, p in named.items()}


def fresh(post):
    return Post.objects.select_related("conversation", "root").get(pk=post.pk)


def answers(viewer, post):
    return {name: rule(viewer, post) for name, (rule, _) in RULES.items()}


def test_one_object_a_page_answers_every_card_as_the_single_post_rules(people, posts):
    _, every_post, _ = posts
    every_post = [fresh(post) for post in every_post]
    for viewer in people.values():
        actions = PostActions(viewer)
        for post in every_post:
            per_page = {name: rule(actions, post) for name, (_, rule) in RULES.items()}
            assert per_page == answers(viewer, post), (viewer, post.status)


def test_the_rules_still_refuse_what_they_refused(people, posts):
    """The cases the per-page object must not lose, spelled out."""
    _, _, named = posts
    published, old = named["published"], named["old"]
    others, in_locked = named["others"], named["in_locked_conversation"]
    reply_in_locked_thread = named["reply_in_locked_thread"]
    assert old.status == Status.PUBLISHED
    assert answers(people["author"], published) == dict.fromkeys(RULES, True) | {
        "report_at_risk": False,
        "report": False,
    }
    assert answers(people["member"], published) == dict.fromkeys(RULES, True) | {
        "edit": False,
        "withdraw": False,
    }
    assert not can_edit_post(people["author"], old)
    assert PostActions(people["author"]).can_withdraw(old)
    assert not can_reply(people["member"], reply_in_locked_thread)
    assert not can_reply(people["member"], in_locked)
    assert can_react(people["member"], in_locked)
    blocked = answers(people["blocked_by_author"], published)
    assert blocked == {"reply": False, "react": False} | dict.fromkeys(
        ["edit", "withdraw"], False
    ) | {"report_at_risk": True, "report": True}
    assert can_reply(people["blocked_by_author"], others)
    for name in ["silenced", "suspended"]:
        assert answers(people[name], others) == dict.fromkeys(RULES, False) | {
            "report_at_risk": True
        }
    for name in ["visitor", "inactive"]:
        assert answers(people[name], others) == dict.fromkeys(RULES, False)


def test_conversation_page_cards_carry_the_single_post_answers(people, posts):
    conversation, _, _ = posts
    for name, viewer in people.items():
        page = threads.conversation_page(conversation, viewer)
        cards = [card for root in page.posts for card in [root, *root.inline_replies]]
        assert cards or name == "visitor"
        for card in cards:
            expected = answers(viewer, fresh(card))
            shown = {rule: getattr(card, flag) for rule, flag in CARD_FLAGS.items()}
            assert shown == {rule: expected[rule] for rule in CARD_FLAGS}, name


def test_conversation_page_queries_stay_the_same_for_a_silenced_blocked_member(
    client, member, other_member, moderator
):
    """The viewer's standing and relations are read once a page, not per card."""
    silenced = make_member("silenced@example.com", "Sage")
    sanction(silenced, moderator, "silence")
    relations.keep_away(member, silenced, "block")
    conversation = make_conversation()
    make_thread(conversation, member, top_level=2, replies_each=2)
    client.force_login(silenced)
    url = f"/conversations/{conversation.pk}/"
    small = queries_for(client, url)
    make_thread(conversation, member, top_level=10, replies_each=4)
    make_thread(conversation, other_member, top_level=10, replies_each=4)
    assert queries_for(client, url) == small
