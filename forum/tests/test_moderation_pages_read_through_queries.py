"""The queue and overview pages read through query functions in
forum/moderation/ (queue.py, overview.py), in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community.models import Sanction
from community.tests.two_factor import sign_in_with_two_factor
from conftest import make_member
from forum import actions, moderation
from forum.models import ModerationLog, QueueItem
from forum.moderation import overview, queue
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


def _visitor_questions(count):
    return [
        actions.ask_question(
            author=None, body=f"A visitor asks {number}", visitor_key=f"v{number}"
        ).post
        for number in range(count)
    ]


def _reported_posts(count, reporter, moderator):
    posts = []
    for number in range(count):
        author = make_member(f"author{number}@example.com", f"Author {number}")
        posts.append(make_update(author, body=f"Post {number}"))
        moderation.report_post(posts[-1], reporter=reporter, reason="spam")
        moderation.sanction_member(
            author,
            moderator=moderator,
            kind="warning",
            reason="r",
            member_message="m",
        )
    return posts


@pytest.mark.parametrize("authors", [1, 4])
def test_the_queue_reads_in_five_queries_however_many_authors(
    django_assert_num_queries, other_member, moderator, authors
):
    _reported_posts(authors, other_member, moderator)
    _visitor_questions(2)
    with django_assert_num_queries(5):
        entries = queue.open_queue()
    assert len(entries) == authors + 2
    assert [entry.item.priority for entry in entries] == [
        QueueItem.Priority.REPORTED
    ] * authors + [QueueItem.Priority.HELD] * 2


def test_each_queue_entry_carries_its_authors_history(member, moderator):
    for number in range(3):
        make_update(member, body=f"Fine post {number}")
    removed = make_update(member, body="Removed post")
    moderation.remove_post(removed, moderator=moderator, reason="Off topic")
    sanction = moderation.sanction_member(
        member, moderator=moderator, kind="warning", reason="r", member_message="m"
    )
    reported = make_update(member, body="Reported post")
    moderation.report_post(reported, reporter=moderator, reason="spam")

    (entry,) = queue.open_queue()

    assert entry.item.post == reported
    # Reported by a moderator, the post is hidden at once: not published any more.
    assert entry.author == queue.AuthorHistory(
        published=3, removed=1, sanctions=[sanction]
    )
    assert entry.decisions == {"hide", "restore", "remove"}


def test_a_visitors_question_has_no_history_and_can_be_approved_or_not():
    (question,) = _visitor_questions(1)
    (entry,) = queue.open_queue()
    assert entry.item.post == question
    assert entry.author == queue.AuthorHistory()
    assert entry.decisions == {"approve", "reject", "remove"}


def test_the_overview_counts_open_items_by_priority_and_age_in_two_queries(
    django_assert_num_queries, other_member, moderator
):
    questions = _visitor_questions(3)
    now = timezone.now()
    QueueItem.objects.filter(post=questions[0]).update(
        created_at=now - timedelta(hours=2)
    )
    QueueItem.objects.filter(post=questions[1]).update(
        created_at=now - timedelta(days=2)
    )
    moderation.approve_post(questions[2], moderator=moderator)  # closed at once
    QueueItem.objects.filter(post=questions[1]).update(
        closed_at=now, closed_by=moderator
    )  # waited two days

    with django_assert_num_queries(2):
        shown = overview.moderation_overview()

    assert shown.ages == ["under 1 hour", "1 to 24 hours", "over a day"]
    assert shown.counts == [
        {"label": "Urgent", "cells": [0, 0, 0]},
        {"label": "Reported", "cells": [0, 0, 0]},
        {"label": "Held for review", "cells": [0, 1, 0]},
    ]
    assert shown.waited == 2
    assert [(bar.label, bar.count) for bar in shown.chart] == [
        ("< 1 h", 1),
        ("1-4 h", 0),
        ("4-24 h", 0),
        ("> 24 h", 1),
    ]
    assert [(bar.x, bar.y, bar.height) for bar in shown.chart] == [
        (10, 10, 100),
        (70, 110, 0),
        (130, 110, 0),
        (190, 10, 100),
    ]


def test_the_overview_page_shows_the_chart(client, moderator):
    _visitor_questions(1)
    sign_in_with_two_factor(client, moderator)
    response = client.get("/moderation/overview/")
    assert response.status_code == 200
    assert "<td>1</td>" in response.text
    assert "0 items acted on in the last 30 days." in response.text


def test_the_log_filter_lists_every_action_even_before_any_was_taken(client, moderator):
    sign_in_with_two_factor(client, moderator)
    assert not ModerationLog.objects.exists()
    response = client.get("/moderation/log/")
    assert response.status_code == 200
    for value, label in ModerationLog.Action.choices:
        assert f'<option value="{value}">{label}</option>' in response.text


def test_every_sanction_kind_has_its_own_log_action(member, moderator):
    for kind in Sanction.Kind:
        sanction = moderation.sanction_member(
            member, moderator=moderator, kind=kind, reason="r", member_message="m"
        )
        moderation.lift_sanction(sanction, moderator=moderator)
    assert list(
        ModerationLog.objects.order_by("id").values_list("action", flat=True)
    ) == [
        "sanction_warning",
        "lift_warning",
        "sanction_silence",
        "lift_silence",
        "sanction_suspension",
        "lift_suspension",
        "sanction_ban",
        "lift_ban",
    ]


def test_the_queue_page_shows_each_authors_history_and_only_allowed_decisions(
    client, member, moderator
):
    make_update(member, body="A fine post")
    reported = make_update(member, body="Reported post")
    moderation.report_post(reported, reporter=moderator, reason="spam")
    (question,) = _visitor_questions(1)
    sign_in_with_two_factor(client, moderator)

    response = client.get("/moderation/")

    assert response.status_code == 200
    page = response.text
    assert "1 published, 0 removed or not approved" in page  # the other is hidden
    for action in ["hide", "restore", "remove"]:
        assert f"/moderation/posts/{reported.pk}/{action}/" in page
    for action in ["approve", "reject"]:
        assert f"/moderation/posts/{reported.pk}/{action}/" not in page
    for action in ["approve", "reject", "remove"]:
        assert f"/moderation/posts/{question.pk}/{action}/" in page
    for action in ["hide", "restore"]:
        assert f"/moderation/posts/{question.pk}/{action}/" not in page
