"""Conversations in a real browser: posting, pictures, deep replies, reactions,
editing and deleting, and a visitor's question on its way through review."""

import re

import pytest
from django.conf import settings
from PIL import Image
from playwright.sync_api import expect

from conftest import post_card
from forum import actions
from forum.models import TEXT_OR_PICTURE_MESSAGE, Conversation, Post, Reaction

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

THREAD_POST = re.compile(r"/posts/(\d+)/(#post-(\d+))?$")


def reply_through_the_ui(page, parent_pk, body):
    """Click Reply on a card, write, post; return the new reply's pk."""
    post_card(page, parent_pk).get_by_role("link", name="Reply", exact=True).click()
    page.wait_for_url(f"**/posts/{parent_pk}/reply/")
    page.get_by_label("Your reply").fill(body)
    page.get_by_role("button", name="Post reply").click()
    page.wait_for_url(re.compile(r"/posts/\d+/#post-\d+$"))
    return int(THREAD_POST.search(page.url).group(3))


def test_update_of_only_invisible_characters_is_refused_and_the_draft_kept(
    page, member, sign_in
):
    sign_in(member)
    page.goto("/community/")
    composer = page.get_by_label("Your update")
    composer.press_sequentially("  \u200b  ")
    assert composer.input_value() == "  \u200b  "

    with page.expect_response(
        lambda r: r.url.endswith("/community/post/") and r.request.method == "POST"
    ) as posted:
        page.get_by_role("button", name="Post update").click()

    assert posted.value.status == 400
    # The rule is also the composer's help text, so read the error itself.
    error = page.locator("form.composer [role=alert]")
    expect(error).to_have_count(1)
    assert error.inner_text().strip() == TEXT_OR_PICTURE_MESSAGE
    assert page.get_by_label("Your update").input_value() == "  \u200b  "
    assert Post.objects.count() == 0
    page.goto("/community/")
    assert page.get_by_text("No updates yet. Yours could be the first.").is_visible()


def test_picture_without_text_is_posted_and_shown_through_the_members_only_url(
    page, open_page_as, member, sign_in, tmp_path
):
    picture = tmp_path / "sunrise.jpg"
    # Wider than a thumbnail, so the thumbnail and the full picture differ in size.
    Image.new("RGB", (960, 640), (230, 150, 60)).save(picture, format="JPEG")

    sign_in(member)
    page.goto("/community/")
    page.get_by_label("Picture (optional)").set_input_files(picture)
    page.get_by_role("button", name="Post update").click()
    page.wait_for_url(THREAD_POST)

    post = Post.objects.get()
    assert post.body == ""
    assert post.picture
    assert post.thumbnail
    page.goto("/community/")
    image = post_card(page, post.pk).locator(".post-picture img")
    expect(image).to_have_count(1)
    thumbnail_url = f"/posts/{post.pk}/thumbnail/"
    assert image.get_attribute("src") == thumbnail_url
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete", arg=image.element_handle())
    natural = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert natural == [480, 320]
    assert natural == [post.thumbnail_width, post.thumbnail_height]
    link = post_card(page, post.pk).locator(".post-picture a")
    assert link.get_attribute("href") == f"/posts/{post.pk}/picture/"
    # No words were written, so none are shown (an empty body element may remain).
    for body in post_card(page, post.pk).locator(".post-body").all():
        assert body.inner_text().strip() == ""

    visitor = open_page_as()
    response = visitor.request.get(thumbnail_url, max_redirects=0)
    assert response.status == 302
    assert "/accounts/login/" in response.headers["location"]


def test_replies_five_levels_deep_all_show_and_deep_ones_say_whom_they_answer(
    page, open_page_as, member, other_member, sign_in
):
    sign_in(member)
    other = open_page_as(other_member)
    page.goto("/community/")
    page.get_by_label("Your update").fill("Ninety days today.")
    page.get_by_role("button", name="Post update").click()
    page.wait_for_url(THREAD_POST)
    root_pk = int(THREAD_POST.search(page.url).group(1))

    # Marlow and Wren take turns, so each reply answers the other person.
    writers = [other, page, other, page, other]
    names = ["Marlow", "Wren", "Marlow", "Wren", "Marlow"]
    chain = [root_pk]
    for depth, writer in enumerate(writers, start=1):
        writer.goto(f"/posts/{root_pk}/")
        chain.append(reply_through_the_ui(writer, chain[-1], f"Reply at depth {depth}"))

    replies = {p.pk: p for p in Post.objects.filter(pk__in=chain[1:])}
    for depth, pk in enumerate(chain[1:], start=1):
        assert replies[pk].depth == depth
        assert replies[pk].parent_id == chain[depth - 1]
        assert replies[pk].author.display_name == names[depth - 1]

    page.goto(f"/posts/{root_pk}/")
    for depth, pk in enumerate(chain[1:], start=1):
        card = post_card(page, pk)
        expect(card).to_be_visible()
        expect(card.locator(".post-body")).to_have_text(f"Reply at depth {depth}")
        expect(card.locator(".post-author")).to_have_text(names[depth - 1])
        replying_to = card.locator(".replying-to")
        if depth > settings.FORUM_DISPLAY_DEPTH:
            answered = names[depth - 2]
            expect(replying_to).to_have_text(f"replying to {answered}")
        else:
            expect(replying_to).to_have_count(0)
    assert settings.FORUM_DISPLAY_DEPTH == 3  # depths 4 and 5 were checked


def test_hug_turns_on_and_off_with_its_count_and_pressed_state(
    page, member, other_member, sign_in
):
    post = actions.post_update(
        author=other_member, body="Rough night, better now."
    ).post
    sign_in(member)
    page.goto("/community/")
    card = post_card(page, post.pk)
    hug = card.get_by_role("button", name=re.compile(r"^Hug\b"))
    like = card.get_by_role("button", name=re.compile(r"^Like\b"))

    expect(hug).to_have_attribute("aria-pressed", "false")
    expect(hug.locator(".count")).to_have_text("0")

    with page.expect_navigation():
        hug.click()
    expect(hug).to_have_attribute("aria-pressed", "true")
    expect(hug.locator(".count")).to_have_text("1")
    expect(like).to_have_attribute("aria-pressed", "false")
    expect(like.locator(".count")).to_have_text("0")
    assert page.url.endswith(f"/community/#post-{post.pk}")
    assert Reaction.objects.filter(post=post, member=member, kind="hug").count() == 1
    assert Reaction.objects.count() == 1
    post.refresh_from_db()
    assert post.hug_count == 1

    with page.expect_navigation():
        hug.click()
    expect(hug).to_have_attribute("aria-pressed", "false")
    expect(hug.locator(".count")).to_have_text("0")
    assert Reaction.objects.count() == 0
    post.refresh_from_db()
    assert post.hug_count == 0


def test_author_edits_then_deletes_and_the_reply_below_stays(
    page, open_page_as, member, other_member, sign_in
):
    post = actions.post_update(author=member, body="Frist week done.").post
    sign_in(member)
    page.goto(f"/posts/{post.pk}/")
    card = post_card(page, post.pk)
    expect(card.locator(".post-edited")).to_have_count(0)
    card.get_by_role("link", name="Edit", exact=True).click()
    page.wait_for_url(f"**/posts/{post.pk}/edit/")
    assert page.get_by_label("Your update").input_value() == "Frist week done."
    page.get_by_label("Your update").fill("First week done.")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(f"**/posts/{post.pk}/")
    expect(page.get_by_text("Your changes are saved.")).to_be_visible()
    expect(card.locator(".post-body")).to_have_text("First week done.")
    expect(card.locator(".post-edited")).to_have_text("edited")
    post.refresh_from_db()
    assert post.body == "First week done."
    assert post.revisions.get().body == "Frist week done."

    other = open_page_as(other_member)
    other.goto(f"/posts/{post.pk}/")
    expect(post_card(other, post.pk).locator(".post-edited")).to_be_visible()
    reply_pk = reply_through_the_ui(other, post.pk, "Proud of you.")

    page.goto(f"/posts/{post.pk}/")
    card.locator("details.delete-confirm summary").get_by_text("Delete").click()
    card.get_by_role("button", name="Delete post").click()
    page.wait_for_url(f"**/posts/{post.pk}/")
    expect(
        page.get_by_text("Your post is deleted. Replies to it stay in place.")
    ).to_be_visible()

    post.refresh_from_db()
    assert post.status == "withdrawn"
    for viewer in [page, other]:
        viewer.goto(f"/posts/{post.pk}/")
        tombstone = post_card(viewer, post.pk)
        expect(tombstone).to_have_class(re.compile(r"\bpost-tombstone\b"))
        expect(tombstone.locator(".tombstone")).to_contain_text("Removed by its author")
        expect(viewer.get_by_text("First week done.")).to_have_count(0)
        expect(tombstone.get_by_role("button")).to_have_count(0)
        reply = post_card(viewer, reply_pk)
        expect(reply.locator(".post-body")).to_have_text("Proud of you.")
        expect(reply.locator(".post-author")).to_have_text("Marlow")


def test_visitor_question_waits_for_a_moderator_then_members_see_it(
    page, open_page_as, member, moderator
):
    question = "Does the tiredness in the first weeks pass?"
    page.goto("/questions/ask/")
    page.get_by_label("Your question").fill(question)
    page.get_by_role("button", name="Send question").click()
    page.wait_for_url("**/questions/received/")
    expect(
        page.get_by_role("heading", name="Thank you, we have your question")
    ).to_be_visible()
    held = Post.objects.get()
    assert (held.status, held.author, held.kind) == ("held", None, "question")

    reader = open_page_as(member)
    reviewer = open_page_as(moderator)
    reader.goto("/questions/")
    expect(reader.get_by_text(question)).to_have_count(0)
    expect(reader.get_by_text("No questions yet.")).to_be_visible()

    reviewer.goto("/moderation/")
    item = reviewer.locator("section.queue-item").filter(has_text=question)
    expect(item).to_have_count(1)
    expect(item.locator(".held-title")).to_contain_text(
        f"Question from A {settings.SITE_NAME} Visitor"
    )
    item.get_by_role("button", name="Approve", exact=True).click()
    reviewer.wait_for_url("**/moderation/")
    expect(reviewer.get_by_text("Approved: visible to members.")).to_be_visible()
    expect(reviewer.get_by_text("The queue is empty. Thank you!")).to_be_visible()

    reader.goto("/questions/")
    card = post_card(reader, held.pk)
    expect(card.locator(".post-body")).to_have_text(question)
    expect(card.locator(".post-author")).to_have_text("A Steady Ground Visitor")
    assert settings.SITE_NAME == "Steady Ground"
    expect(card.locator(".post-kind")).to_have_text("Question")
    held.refresh_from_db()
    assert held.status == "published"


def test_a_member_reads_the_whole_conversation_and_prints_it_with_the_988_banner(
    page, member, other_member, sign_in
):
    conversation = Conversation.objects.create(title="Sleep in early recovery")
    first = actions.post_comment(
        conversation, author=other_member, body="First post"
    ).post
    reply = actions.reply_to_post(first, author=member, body="A reply to it").post
    second = actions.post_comment(conversation, author=member, body="Second post").post
    sign_in(member)
    page.goto(f"/conversations/{conversation.pk}/")

    page.get_by_role("link", name="The whole conversation on one page").click()
    page.wait_for_url(f"**/conversations/{conversation.pk}/print/")
    cards = page.locator("#post-list article")
    expect(cards).to_have_count(3)
    ids = [card.get_attribute("id") for card in cards.all()]
    assert ids == [f"post-{first.pk}", f"post-{reply.pk}", f"post-{second.pk}"]
    expect(page.locator("#post-list").get_by_role("button")).to_have_count(0)
    expect(page.locator("#post-list").get_by_role("link", name="Reply")).to_have_count(
        0
    )

    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_text("988 Suicide & Crisis Lifeline").first).to_be_visible()
    expect(post_card(page, reply.pk)).to_be_visible()
