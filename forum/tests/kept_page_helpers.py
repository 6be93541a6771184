"""What the tests of kept pages share (the print view's, forum/printing.py, and a
conversation's first page, forum/kept_pages.py): a small conversation and the
changes each kept page must show at once."""

from community.actions import update_profile
from forum import actions
from forum.moderation.decisions import remove_post
from forum.tests.factories import make_conversation


def thread_markup(html):
    """The thread of cards in a conversation page or print view."""
    return html.split('id="post-list">')[1].split("</div>\n")[0]


def small_conversation(author, replier):
    """ "Day one." by `author`, and `replier`'s "Proud of you." beneath it."""
    conversation = make_conversation()
    first = actions.post_comment(conversation, author=author, body="Day one.").post
    actions.reply_to_post(first, author=replier, body="Proud of you.")
    return conversation


# Changes to the conversation's first post, "Day one.", each as its people make it.


def remove(post, moderator, **_):
    remove_post(post, moderator=moderator, reason="Shared a dealer's number.")


def edit(post, **_):
    actions.edit_post(post, editor=post.author, body="Day one, edited.")


def react(post, reader, **_):
    actions.set_reaction(post, member=reader, kind="hug", on=True)


def rename(post, **_):
    update_profile(post.author, display_name="Wren Again", bio="")


def reply(post, reader, **_):
    actions.reply_to_post(post, author=reader, body="Same here, a new reply.")
