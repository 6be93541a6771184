"""Anyone signed in who can see a post may say someone may be at risk, whatever
their standing: the code never refuses someone worried about a life."""

import pytest
from django.core.exceptions import PermissionDenied

from forum import moderation
from forum.models import QueueItem, Report
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


def silence(member, moderator):
    moderation.sanction_member(
        member,
        moderator=moderator,
        kind="silence",
        reason="Heated exchange",
        member_message="Let's take a day away from posting.",
        days=1,
    )
    return type(member).objects.get(pk=member.pk)  # a fresh request's user


def test_silenced_member_can_report_someone_at_risk(member, other_member, moderator):
    post = make_update(other_member, body="I can't see a way through this.")
    silenced = silence(member, moderator)
    report = moderation.report_post(post, reporter=silenced, reason="at_risk")
    assert report.reason == Report.Reason.AT_RISK
    item = QueueItem.objects.get(post=post)
    assert item.priority == QueueItem.Priority.URGENT
    post.refresh_from_db()
    assert post.status == "published"


def test_silenced_member_still_cannot_send_other_reports(
    member, other_member, moderator
):
    post = make_update(other_member)
    silenced = silence(member, moderator)
    with pytest.raises(PermissionDenied):
        moderation.report_post(post, reporter=silenced, reason="spam")
    assert not Report.objects.exists()
    assert not QueueItem.objects.exists()


def test_silenced_member_sends_an_at_risk_report_from_the_post_page(
    client, member, other_member, moderator
):
    post = make_update(other_member, body="I can't see a way through this.")
    silence(member, moderator)
    client.force_login(member)
    page = client.get(f"/posts/{post.pk}/")
    assert f'href="/posts/{post.pk}/report/"' in page.content.decode()
    form = client.get(f"/posts/{post.pk}/report/")
    html = form.content.decode()
    assert form.status_code == 200
    assert 'value="at_risk"' in html
    assert 'value="spam"' not in html
    response = client.post(f"/posts/{post.pk}/report/", {"reason": "at_risk"})
    assert response.status_code == 302
    assert Report.objects.get().reporter == member
    refused = client.post(f"/posts/{post.pk}/report/", {"reason": "spam"})
    assert refused.status_code == 400
    assert Report.objects.count() == 1
