"""Crisis matches reach moderators as one open item per member, showing the kind,
the matched phrase and the list version; false-alarm marks go to the clinical
reviewer and change nothing else (docs/safety.md section 5)."""

import pytest
from django.core.exceptions import PermissionDenied

from community.crisis import CRISIS_LIST_VERSION
from forum import actions, moderation
from forum.models import CrisisMatch, ModerationLog, QueueItem
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


def test_a_first_match_opens_one_urgent_item_with_what_matched(member):
    post = make_update(member, body="thinking about suicide tonight")
    item = QueueItem.objects.open().get()
    assert (item.post, item.priority, item.crisis_member) == (
        post,
        QueueItem.Priority.URGENT,
        member,
    )
    assert item.reasons == ["crisis language"]
    assert item.matched == ["thinking about suicide"]
    match = CrisisMatch.objects.get()
    assert (match.queue_item, match.post, match.kind, match.phrase) == (
        item,
        post,
        "crisis",
        "thinking about suicide",
    )
    assert match.list_version == CRISIS_LIST_VERSION


def test_later_matches_by_the_same_member_attach_to_their_open_item(member):
    first = make_update(member, body="I want to die")
    second = make_update(member, body="my friend isn't breathing")
    reply = actions.reply_to_post(first, author=member, body="I can't go on").post
    item = QueueItem.objects.open().get()
    assert item.post == first
    assert item.reasons == ["crisis language", "overdose language"]
    assert item.matched == ["want to die", "isn't breathing", "can't go on"]
    matches = list(item.crisis_matches.values_list("post", "kind"))
    assert matches == [
        (first.pk, "crisis"),
        (second.pk, "overdose"),
        (reply.pk, "crisis"),
    ]
    assert QueueItem.objects.count() == 1


def test_each_member_has_their_own_crisis_item(member, other_member):
    make_update(member, body="I want to die")
    make_update(other_member, body="I want to die")
    items = QueueItem.objects.open().order_by("id")
    assert [item.crisis_member for item in items] == [member, other_member]


def test_after_a_moderator_closes_the_item_a_new_match_opens_a_new_one(
    member, moderator
):
    make_update(member, body="I want to die")
    item = QueueItem.objects.open().get()
    moderation.close_item(item, moderator=moderator, note="reached out")
    later = make_update(member, body="I want to die again")
    reopened = QueueItem.objects.open().get()
    assert reopened != item
    assert (reopened.post, reopened.crisis_member) == (later, member)


def test_a_held_first_post_with_crisis_words_becomes_the_urgent_crisis_item(
    member, settings
):
    settings.FORUM_HOLD_FIRST_POSTS = 2
    post = make_update(member, body="Hi all. Honestly I wish I was dead.")
    assert post.status == "held"
    item = QueueItem.objects.open().get()
    assert item.priority == QueueItem.Priority.URGENT
    assert item.reasons == ["first posts", "crisis language"]
    assert item.crisis_member == member


def test_a_visitor_question_has_its_own_urgent_item(member):
    make_update(member, body="I want to die")
    question = actions.ask_question(
        author=None, body="my son won't wake up, what do I do", visitor_key="v"
    ).post
    item = QueueItem.objects.open().get(post=question)
    assert item.priority == QueueItem.Priority.URGENT
    assert item.crisis_member is None
    assert set(item.reasons) == {"visitor question", "overdose language"}
    assert QueueItem.objects.open().count() == 2


def test_the_queue_shows_kind_phrase_and_list_version(client, member, moderator):
    make_update(member, body="her lips are going blue")
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    match = CrisisMatch.objects.get()
    shown = html.split(f'data-crisis-match="{match.pk}"')[1].split("</li>")[0]
    assert '<strong class="crisis-kind">Overdose</strong>' in shown
    assert '<q class="crisis-phrase">lips are going blue</q>' in shown
    assert f"list version {CRISIS_LIST_VERSION}" in shown


def test_a_moderator_marks_a_false_alarm_and_nothing_else_changes(member, moderator):
    make_update(member, body="I want to die of boredom in these meetings")
    # (that one is not an alarm; this one is, and a moderator judges it was not)
    post = make_update(member, body="this commute, I want to die")
    match = CrisisMatch.objects.get()
    marked = moderation.mark_false_alarm(
        match, moderator=moderator, note="a complaint about traffic"
    )
    assert marked.false_alarm_by == moderator
    assert marked.false_alarm_note == "a complaint about traffic"
    assert marked.false_alarm_at is not None
    item = QueueItem.objects.get()
    assert item.closed_at is None
    post.refresh_from_db()
    assert post.status == "published"
    log = ModerationLog.objects.get(action="crisis_false_alarm")
    assert log.details == {
        "kind": "crisis",
        "list_version": CRISIS_LIST_VERSION,
        "crisis_match": match.pk,
    }
    assert log.reason == "a complaint about traffic"


def test_members_cannot_mark_a_false_alarm(client, member, other_member):
    make_update(member, body="I want to die")
    match = CrisisMatch.objects.get()
    with pytest.raises(PermissionDenied):
        moderation.mark_false_alarm(match, moderator=other_member)
    client.force_login(other_member)
    url = f"/moderation/crisis-matches/{match.pk}/false-alarm/"
    assert client.post(url, {"reason": "x"}).status_code == 403
    match.refresh_from_db()
    assert match.false_alarm_at is None
    assert not ModerationLog.objects.filter(action="crisis_false_alarm").exists()


def test_false_alarms_are_listed_for_the_clinical_reviewer(
    client, member, moderator, medical_reviewer
):
    make_update(member, body="I want to die")
    make_update(member, body="he's not breathing")
    first, second = CrisisMatch.objects.order_by("id")
    client.force_login(moderator)
    response = client.post(
        f"/moderation/crisis-matches/{first.pk}/false-alarm/",
        {"reason": "song lyrics"},
    )
    assert response.status_code == 302
    client.force_login(medical_reviewer)
    html = client.get("/moderation/crisis-false-alarms/").content.decode()
    assert html.count('class="false-alarm"') == 1
    assert "<mark>want to die</mark>" in html
    assert "song lyrics" in html
    assert "not breathing" not in html
    second.refresh_from_db()
    assert second.false_alarm_at is None


def test_members_cannot_see_the_false_alarm_list(client, other_member):
    client.force_login(other_member)
    assert client.get("/moderation/crisis-false-alarms/").status_code == 403
