import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from community.limits import RateLimited
from community.models import Sanction
from conftest import make_member
from forum import moderation
from forum.models import ModerationLog, Notification, Post, QueueItem, Report
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


def established(email, name):
    """A member whose account is old enough for their reports to count."""
    user = make_member(email, name)
    user.date_joined = timezone.now() - datetime.timedelta(days=30)
    user.save()
    return user


@pytest.fixture
def reporters(db):
    return [established(f"r{n}@example.com", f"Reporter {n}") for n in range(4)]


def test_three_distinct_members_hide_a_post_pending_review(member, reporters):
    post = make_update(member, body="Something unkind")
    for reporter in reporters[:2]:
        moderation.report_post(post, reporter=reporter, reason="harassment")
    assert Post.objects.get(pk=post.pk).status == "published"
    moderation.report_post(post, reporter=reporters[2], reason="spam")
    post.refresh_from_db()
    assert post.status == "hidden_reports"
    assert post.status_reason == "Reported by 3 members"
    log = ModerationLog.objects.get(action="auto_hide")
    assert (log.actor, log.from_status, log.to_status) == (
        None,
        "published",
        "hidden_reports",
    )
    assert Notification.objects.filter(recipient=member, kind="moderation").exists()


def test_the_threshold_is_a_setting(member, reporters, settings):
    settings.FORUM_AUTO_HIDE_REPORTERS = 1
    post = make_update(member)
    moderation.report_post(post, reporter=reporters[0], reason="spam")
    assert Post.objects.get(pk=post.pk).status == "hidden_reports"


def test_new_accounts_and_silenced_members_do_not_count(member, reporters, moderator):
    post = make_update(member)
    newcomer = make_member("new@example.com", "Newcomer")
    moderation.sanction_member(
        reporters[1],
        moderator=moderator,
        kind="silence",
        reason="Report misuse",
        member_message="Paused for a day.",
        days=1,
    )
    for reporter in [reporters[0], newcomer]:
        moderation.report_post(post, reporter=reporter, reason="spam")
    assert Post.objects.get(pk=post.pk).status == "published"


def test_one_moderator_report_hides(member, moderator):
    post = make_update(member)
    moderation.report_post(post, reporter=moderator, reason="sourcing")
    assert Post.objects.get(pk=post.pk).status == "hidden_reports"


def test_at_risk_reports_never_hide_and_are_urgent(member, reporters):
    post = make_update(member, body="I don't know how much longer I can do this")
    for reporter in reporters:
        moderation.report_post(post, reporter=reporter, reason="at_risk")
    assert Post.objects.get(pk=post.pk).status == "published"
    item = QueueItem.objects.open().get(post=post)
    assert item.priority == QueueItem.Priority.URGENT


def test_one_open_report_per_member_per_post(member, reporters):
    post = make_update(member)
    moderation.report_post(post, reporter=reporters[0], reason="spam")
    with pytest.raises(ValidationError, match="already reported"):
        moderation.report_post(post, reporter=reporters[0], reason="harassment")
    assert Report.objects.count() == 1


def test_other_needs_a_note(member, reporters):
    post = make_update(member)
    with pytest.raises(ValidationError, match="a little about the problem"):
        moderation.report_post(post, reporter=reporters[0], reason="other", note=" ")
    assert not Report.objects.exists()


def test_authors_cannot_report_themselves(member):
    post = make_update(member)
    with pytest.raises(PermissionDenied):
        moderation.report_post(post, reporter=member, reason="spam")


def test_reports_per_day_are_limited_except_at_risk(member, reporters, settings):
    settings.FORUM_RATE_LIMITS = {**settings.FORUM_RATE_LIMITS, "report": (2, 86_400)}
    posts = [make_update(reporters[1], body=f"p{n}") for n in range(4)]
    moderation.report_post(posts[0], reporter=member, reason="spam")
    moderation.report_post(posts[1], reporter=member, reason="spam")
    with pytest.raises(RateLimited):
        moderation.report_post(posts[2], reporter=member, reason="spam")
    moderation.report_post(posts[3], reporter=member, reason="at_risk")
    assert Report.objects.count() == 3


def test_hidden_post_disappears_for_others_and_shows_its_author_why(
    client, member, other_member, reporters
):
    post = make_update(member, body="Reported words")
    for reporter in reporters[:3]:
        moderation.report_post(post, reporter=reporter, reason="harassment")
    client.force_login(other_member)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Reported words" not in html
    assert "Hidden while a moderator reviews it" in html or (
        client.get(post.get_absolute_url()).status_code == 200
    )
    client.force_login(member)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Reported words" in html
    assert "Reported by 3 members" in html


def test_report_page_files_a_report(client, member, other_member):
    post = make_update(member)
    client.force_login(other_member)
    response = client.post(
        f"/posts/{post.pk}/report/", {"reason": "misinformation", "note": "Wrong dose"}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.note) == (
        other_member,
        "misinformation",
        "Wrong dose",
    )


def test_sanctions_are_derived_from_active_rows(member, moderator):
    sanction = moderation.sanction_member(
        member,
        moderator=moderator,
        kind="silence",
        reason="Heated thread",
        member_message="Let's take a day.",
        days=1,
    )
    assert Sanction.objects.active().filter(member=member).exists()
    Sanction.objects.filter(pk=sanction.pk).update(
        ends_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert not Sanction.objects.active().filter(member=member).exists()
