"""The README's demo tour behaves on the first `make run`, not a day later."""

import pytest
from django.core.management import call_command

from community.demo import person
from forum import actions, moderation
from forum.models import MessageReview, PrivateConversation, Report, Status

pytestmark = pytest.mark.django_db

DEMO_MEMBERS = ["river@example.com", "juniper@example.com", "lantern@example.com"]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo")


def test_the_demo_members_reports_hide_a_post_right_after_seeding(demo, settings):
    post = actions.post_update(
        author=person("editor@example.com"), body="Anyone want my leftover strips?"
    ).post
    for email in DEMO_MEMBERS:
        moderation.report_post(
            post, reporter=person(email), reason=Report.Reason.SOURCING
        )
    post.refresh_from_db()
    assert len(DEMO_MEMBERS) == settings.FORUM_AUTO_HIDE_REPORTERS
    assert post.status == Status.HIDDEN_REPORTS


def test_seeding_again_keeps_the_demo_members_established(demo):
    joined = {email: person(email).date_joined for email in DEMO_MEMBERS}
    call_command("seed_demo")
    assert {email: person(email).date_joined for email in DEMO_MEMBERS} == joined


def test_the_demo_has_a_private_conversation_and_a_held_message_once(demo):
    call_command("seed_demo")
    assert PrivateConversation.objects.count() == 2
    held = MessageReview.objects.open().get(kind=MessageReview.Kind.HELD)
    assert held.message.body == "anyone selling subs?"
