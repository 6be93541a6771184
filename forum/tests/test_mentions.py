""" "@Name" in a post links the member's profile and tells them, once, when the post
is published; never someone who blocks the author, never someone who muted them,
and never more than a few people a post. Seen from the author's side and from the
mentioned member's."""

import pytest

from community import relations
from community.mentions import MAX_MENTIONS
from conftest import make_member
from forum import actions, moderation
from forum.models import Notification, Status
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


def mentions_of(member):
    return list(
        Notification.objects.filter(recipient=member, kind="mention").values_list(
            "actor__display_name", "post_id"
        )
    )


def test_a_mention_links_the_profile_and_tells_the_member(member, other_member):
    post = make_update(member, body="Thanks @marlow, that helped.")
    assert (
        f'<a href="/members/{other_member.pk}/" class="mention" '
        'rel="nofollow ugc noopener noreferrer">@marlow</a>, that helped.'
    ) in post.body_html
    assert mentions_of(other_member) == [("Wren", post.pk)]
    assert mentions_of(member) == []  # the author is told nothing


def test_names_with_spaces_match_the_longest_name_that_exists(member):
    sam = make_member("sam@example.com", "Sam")
    sam_rivera = make_member("rivera@example.com", "Sam Rivera")
    post = make_update(member, body="@Sam Rivera and @Sam: thank you both")
    assert f'/members/{sam_rivera.pk}/" class="mention"' in post.body_html
    assert ">@Sam Rivera</a> and " in post.body_html
    assert f'/members/{sam.pk}/" class="mention"' in post.body_html
    assert [m[1] for m in mentions_of(sam) + mentions_of(sam_rivera)] == [post.pk] * 2


def test_addresses_links_and_unknown_names_stay_plain(member, other_member):
    post = make_update(
        member, body="mail x@marlow.org or https://example.org/@marlow, hi @nobody"
    )
    assert 'class="mention"' not in post.body_html
    assert mentions_of(other_member) == []


def test_a_member_who_blocks_the_author_is_neither_linked_nor_told(
    member, other_member
):
    relations.keep_away(other_member, member, "block")
    post = make_update(member, body="Hey @Marlow")
    assert 'class="mention"' not in post.body_html
    assert "Hey @Marlow" in post.body_html
    assert mentions_of(other_member) == []
    # The other way round works: blocking is one-way.
    theirs = make_update(other_member, body="Hey @Wren")
    assert 'class="mention"' in theirs.body_html
    assert mentions_of(member) == [("Marlow", theirs.pk)]


def test_a_member_who_muted_the_author_is_linked_but_not_told(member, other_member):
    relations.keep_away(other_member, member, "mute")
    post = make_update(member, body="Hey @Marlow")
    assert 'class="mention"' in post.body_html
    assert mentions_of(other_member) == []


def test_only_the_first_few_people_a_post_mentions_are_linked_and_told(member):
    people = [make_member(f"p{n}@example.com", f"Person{n}") for n in range(7)]
    body = " ".join(f"@Person{n}" for n in range(7))
    post = make_update(member, body=body)
    told = [person for person in people if mentions_of(person)]
    assert told == people[:MAX_MENTIONS]
    assert post.body_html.count('class="mention"') == MAX_MENTIONS
    assert "@Person6" in post.body_html


def test_editing_tells_only_the_newly_mentioned_once(member, other_member):
    sam = make_member("sam@example.com", "Sam")
    post = make_update(member, body="Thanks @Marlow")
    actions.edit_post(post, editor=member, body="Thanks @Marlow and @Sam")
    actions.edit_post(post, editor=member, body="Thanks @Marlow and @Sam!")
    assert mentions_of(other_member) == [("Wren", post.pk)]
    assert mentions_of(sam) == [("Wren", post.pk)]


def test_a_held_post_tells_the_mentioned_only_when_published(
    settings, member, other_member, moderator
):
    settings.FORUM_HOLD_FIRST_POSTS = 1
    post = make_update(member, body="Hello @Marlow")
    assert post.status == Status.HELD
    assert mentions_of(other_member) == []
    moderation.approve_post(post, moderator=moderator)
    assert mentions_of(other_member) == [("Wren", post.pk)]


def test_the_mentioned_member_sees_the_notification(client, member, other_member):
    make_update(member, body="Hello @Marlow")
    client.force_login(other_member)
    page = client.get("/notifications/").content.decode()
    assert "Wren mentioned you" in page


def test_a_mention_is_not_held_as_a_handle_but_an_unknown_handle_is(member):
    make_member("sam@example.com", "Sam Rivera")
    assert make_update(member, body="Thanks @Sam Rivera").status == Status.PUBLISHED
    assert make_update(member, body="DM me on @dealer_x").status == Status.HELD
    assert make_update(member, body="Find me @Wren").status == Status.HELD


def test_naming_someone_who_blocks_you_publishes_like_any_mention(member, other_member):
    relations.keep_away(other_member, member, "block")
    assert make_update(member, body="Hey @Marlow").status == Status.PUBLISHED
