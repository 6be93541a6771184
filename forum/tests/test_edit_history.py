"""Earlier versions of an edited post: for its author and moderators (issue 11, #17)."""

import pytest

from forum import actions, moderation
from forum.history import Change, word_diff
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


def edited_twice(member):
    post = make_update(member, body="I slept badly <b>again</b> last night.")
    post = actions.edit_post(
        post, editor=member, body="I slept well <b>again</b> last night."
    ).post
    return actions.edit_post(
        post, editor=member, body="I slept well last night, finally."
    ).post


def test_word_diff_marks_removed_and_added_words_and_keeps_spacing():
    pieces = word_diff("I slept badly\ntoday", "I slept well\ntoday")
    assert [(p.change, p.text) for p in pieces] == [
        (Change.SAME, "I slept "),
        (Change.REMOVED, "badly"),
        (Change.ADDED, "well"),
        (Change.SAME, "\ntoday"),
    ]


@pytest.mark.parametrize("viewer", ["member", "moderator"])
def test_the_author_and_moderators_see_who_edited_when_and_what_changed(
    client, request, member, viewer
):
    post = edited_twice(member)
    client.force_login(request.getfixturevalue(viewer))
    response = client.get(f"/posts/{post.pk}/history/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(f"Edited by {member.display_name}") == 2
    assert "<del>badly</del><ins>well</ins>" in html
    assert "<del>&lt;b&gt;again&lt;/b&gt; </del>" in html
    assert "<b>again</b>" not in html  # member text is escaped, never markup
    assert "<time datetime=" in html


def test_other_members_get_not_found_from_the_edit_history(
    client, member, other_member
):
    post = edited_twice(member)
    client.force_login(other_member)
    response = client.get(f"/posts/{post.pk}/history/")
    assert response.status_code == 404
    assert "badly" not in response.content.decode()


def test_visitors_are_sent_to_sign_in_from_the_edit_history(client, member):
    post = edited_twice(member)
    response = client.get(f"/posts/{post.pk}/history/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_edited_mark_links_to_the_history_for_the_author_only(
    client, member, other_member
):
    post = edited_twice(member)
    history_link = f'href="/posts/{post.pk}/history/"'
    client.force_login(member)
    assert history_link in client.get(post.get_absolute_url()).content.decode()
    client.force_login(other_member)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "edited" in html
    assert history_link not in html


def test_the_moderation_queue_links_an_edited_post_to_its_history(
    client, member, other_member, moderator
):
    post = edited_twice(member)
    moderation.report_post(post, reporter=other_member, reason="spam")
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    assert f'href="/posts/{post.pk}/history/"' in html


def test_a_post_never_edited_has_an_empty_history_page(client, member):
    post = make_update(member, body="Never edited.")
    client.force_login(member)
    response = client.get(f"/posts/{post.pk}/history/")
    assert response.status_code == 200
    assert "This post hasn't been edited." in response.content.decode()
