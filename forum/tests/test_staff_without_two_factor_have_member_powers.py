"""Until a moderator's session has passed two-factor sign-in it has a member's
powers everywhere, not only on the moderation pages."""

import pytest
from django.test import Client

from forum.models import Post
from forum.tests.factories import make_update, picture_upload

pytestmark = pytest.mark.django_db

QUESTION = "Is it normal to feel tired in the first weeks on buprenorphine?"


@pytest.fixture
def out_of_sight(member):
    """One post in each state members don't see, with pictures where they can."""
    Client().post("/questions/ask/", {"body": QUESTION})
    posts = {"question": Post.objects.get(body=QUESTION)}
    for status in ["held", "rejected", "hidden", "removed"]:
        post = make_update(
            member, body=f"An update that is {status}.", picture=picture_upload()
        )
        Post.objects.filter(pk=post.pk).update(status=status)
        posts[status] = post
    return posts


def shows_text(client, post):
    response = client.get(f"/posts/{post.pk}/")
    return response.status_code == 200 and post.body in response.content.decode()


def serves_picture(client, post):
    served = True
    for size in ["picture", "thumbnail"]:
        response = client.get(f"/posts/{post.pk}/{size}/")
        if response.status_code == 200:
            b"".join(response.streaming_content)  # reading it closes the file
        else:
            served = False
    return served


def what_they_see(client, posts):
    pages = (
        client.get("/community/").content.decode()
        + client.get("/questions/").content.decode()
    )
    return {
        "listed": sorted(name for name, post in posts.items() if post.body in pages),
        "post pages": sorted(
            name for name, post in posts.items() if shows_text(client, post)
        ),
        "pictures": sorted(
            name
            for name in ["hidden", "removed"]
            if serves_picture(client, posts[name])
        ),
    }


def test_moderator_without_the_code_sees_only_what_members_see(
    client, moderator, out_of_sight
):
    client.force_login(moderator, second_factor=False)
    assert what_they_see(client, out_of_sight) == {
        "listed": [],
        "post pages": [],
        "pictures": [],
    }


def test_moderator_with_the_code_sees_held_rejected_and_hidden_posts(
    client, moderator, out_of_sight
):
    client.force_login(moderator)
    seen = what_they_see(client, out_of_sight)
    assert {"held", "question", "rejected"} <= set(seen["post pages"])
    assert seen["pictures"] == ["hidden", "removed"]
    assert {"held", "question"} <= set(seen["listed"])


def test_report_from_a_moderator_without_the_code_counts_as_a_members(
    client, moderator, member
):
    post = make_update(member, body="A post one person finds off.")
    client.force_login(moderator, second_factor=False)
    response = client.post(f"/posts/{post.pk}/report/", {"reason": "spam"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == "published"
    assert post.reports.get().reporter == moderator


def test_report_from_a_moderator_with_the_code_hides_the_post_at_once(
    client, moderator, member
):
    post = make_update(member, body="A post one person finds off.")
    client.force_login(moderator)
    client.post(f"/posts/{post.pk}/report/", {"reason": "spam"})
    post.refresh_from_db()
    assert post.status == "hidden_reports"


def test_moderator_without_the_code_posts_under_members_rules(
    client, moderator, settings
):
    settings.FORUM_RATE_LIMITS = {**settings.FORUM_RATE_LIMITS, "update": (1, 3600)}
    client.force_login(moderator, second_factor=False)
    for number in range(2):
        client.post("/community/post/", {"body": f"Checking in, day {number}."})
    assert list(Post.objects.values_list("body", flat=True)) == ["Checking in, day 0."]
