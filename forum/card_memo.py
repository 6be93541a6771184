"""Post cards' markup, kept per process and keyed on everything a card shows.

A card (forum/cards.py) is a function of its post's row, the decorations
forum/threads.py gives it for the viewer, and its page's language, zone, URLs and
address. The key holds all of them, so it *is* the post's version: an edit, a
reaction, a moderator's action, a new display name, another viewer's permissions
all make a new key, and nothing needs invalidating. Rendering 500 cards cost the
print view a third of its time; a kept card costs a lookup.
"""

from operator import attrgetter

from forum.card_rows import PostCard

# What card() reads of a post: the columns every card row has (PostCard.COLUMNS)
# and the decorations forum/threads.py gives it for the viewer. A card is a function
# of these and of its page's language, zone, URLs and address, so its markup is kept
# under them: a post whose row or decorations changed in any way gets a new key.
# forum/tests/test_card_markup_cache.py checks that card() reads nothing else.
DECORATIONS = (
    "shown",
    "display_depth",
    "replying_to",
    "my_reactions",
    "viewer_can_reply",
    "viewer_can_react",
    "viewer_can_edit",
    "viewer_can_withdraw",
    "viewer_can_report",
)
CARD_READS = PostCard.COLUMNS + DECORATIONS
_READ = {
    False: attrgetter(*CARD_READS),
    True: attrgetter(*CARD_READS, "visible_replies"),
}
# Cards kept per process: the print view's 1,000 and a few busy pages' worth. When
# full, the store starts over (cheaper per card than keeping an LRU order).
CARD_MARKUP_LIMIT = 5000
_MARKUP = {}
# Stands for the page's CSRF field in kept markup: each request masks its token
# anew. No member's words can hold a NUL: forms refuse one, names and posts are
# cleaned of control characters (community/invisible_characters.py), PostgreSQL
# can't store one, and an address carries it only as "%00".
CSRF_SLOT = "\x00csrf\x00"


def key(page_key, post, show_replies_link):
    """The key `post`'s card is kept under on a page with `page_key`; None for a
    model instance, whose attributes may query (its thread's lock, say)."""
    if type(post) is not PostCard:
        return None
    return (page_key, show_replies_link, _READ[show_replies_link](post))


def kept(card_key):
    return _MARKUP.get(card_key)


def keep(card_key, markup):
    if len(_MARKUP) >= CARD_MARKUP_LIMIT:
        _MARKUP.clear()
    _MARKUP[card_key] = markup
    return markup
