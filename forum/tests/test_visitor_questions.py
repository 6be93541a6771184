import pytest
from django.test import Client

from forum import moderation
from forum.models import ModerationLog, Post

pytestmark = pytest.mark.django_db

ASK = "/questions/ask/"
QUESTION = "Is it normal to feel tired in the first weeks on buprenorphine?"


def test_visitor_question_is_held_and_has_no_author_or_address(client):
    response = client.post(ASK, {"body": QUESTION}, REMOTE_ADDR="203.0.113.9")
    assert response["Location"] == "/questions/received/"
    question = Post.objects.get()
    assert question.status == "held"
    assert question.author is None
    assert question.kind == "question"
    stored = " ".join(str(v) for v in Post.objects.values().get().values())
    assert "203.0.113.9" not in stored


def test_held_visitor_question_is_hidden_from_members_until_approved(
    client, member, moderator
):
    Client().post(ASK, {"body": QUESTION})
    question = Post.objects.get()
    client.force_login(member)
    assert QUESTION not in client.get("/questions/").content.decode()
    assert client.get(question.get_absolute_url()).status_code == 404

    moderation.approve_post(question, moderator=moderator)

    html = client.get("/questions/").content.decode()
    assert QUESTION in html
    assert "A Steady Ground Visitor" in html
    assert "Asked" in html
    log = ModerationLog.objects.get()
    assert (log.action, log.from_status, log.to_status) == (
        "approve",
        "held",
        "published",
    )
    assert log.actor == moderator


def test_site_name_setting_names_the_visitor(client, member, moderator, settings):
    settings.SITE_NAME = "Harbor Lights"
    Client().post(ASK, {"body": QUESTION})
    moderation.approve_post(Post.objects.get(), moderator=moderator)
    client.force_login(member)
    assert "A Harbor Lights Visitor" in client.get("/questions/").content.decode()


def test_moderator_approves_from_the_held_list(client, moderator):
    Client().post(ASK, {"body": QUESTION})
    question = Post.objects.get()
    client.force_login(moderator)
    assert QUESTION in client.get("/moderation/").content.decode()
    client.post(f"/moderation/posts/{question.pk}/approve/")
    question.refresh_from_db()
    assert question.status == "published"


def test_members_cannot_approve_or_see_the_held_list(client, member):
    Client().post(ASK, {"body": QUESTION})
    question = Post.objects.get()
    client.force_login(member)
    assert client.get("/moderation/").status_code == 403
    assert client.post(f"/moderation/posts/{question.pk}/approve/").status_code == 403
    question.refresh_from_db()
    assert question.status == "held"
    assert not ModerationLog.objects.exists()


def test_rejecting_needs_a_reason(client, moderator):
    Client().post(ASK, {"body": QUESTION})
    question = Post.objects.get()
    client.force_login(moderator)
    client.post(f"/moderation/posts/{question.pk}/reject/", {"reason": ""})
    question.refresh_from_db()
    assert question.status == "held"
    client.post(
        f"/moderation/posts/{question.pk}/reject/", {"reason": "Shares a phone number"}
    )
    question.refresh_from_db()
    assert question.status == "rejected"


def test_honeypot_looks_like_success_and_stores_nothing(client):
    response = client.post(ASK, {"body": QUESTION, "website": "http://spam.example"})
    assert response["Location"] == "/questions/received/"
    assert not Post.objects.exists()


def test_empty_visitor_question_gets_the_rule(client):
    response = client.post(ASK, {"body": "   "})
    assert response.status_code == 400
    assert "All updates must be accompanied by text or a picture." in (
        response.content.decode()
    )


@pytest.mark.rate_limits
def test_visitors_are_limited_per_day_and_keep_their_text(client):
    for n in range(3):
        response = client.post(ASK, {"body": f"{QUESTION} ({n})"})
        assert response.status_code == 302
    response = client.post(ASK, {"body": "My fourth question"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "reached today" in html
    assert "My fourth question</textarea>" in html
    assert Post.objects.count() == 3


def test_member_question_is_published_under_their_name(client, member):
    client.force_login(member)
    response = client.post(ASK, {"body": QUESTION})
    question = Post.objects.get()
    assert response["Location"] == question.get_absolute_url()
    assert question.status == "published"
    assert question.author == member


def test_answers_are_threaded_replies(client, member, other_member, moderator):
    Client().post(ASK, {"body": QUESTION})
    question = moderation.approve_post(Post.objects.get(), moderator=moderator)
    client.force_login(other_member)
    client.post(f"/posts/{question.pk}/reply/", {"body": "Yes, it eased for me."})
    answer = Post.objects.get(parent=question)
    assert answer.kind == "reply"
    client.force_login(member)
    assert (
        "Yes, it eased for me."
        in client.get(question.get_absolute_url()).content.decode()
    )
