"""Post cards' markup, kept per process with everything a card shows.

A card (forum/cards.py) is a function of its post's row, the decorations
forum/threads.py gives it for the viewer, and its page's language, zone, URLs and
address. Its markup is kept with all of them and used only while all are the
same, so what was kept *is* the post's version: an edit, a reaction, a
moderator's action, a new display name, another viewer's permissions all make
the card afresh, and nothing needs invalidating. Rendering 500 cards cost the
print view a third of its time; a kept card costs a lookup.

Kept cards are found by post and page and then compared, not found by hashing
all of it: every request reads the text anew, so hashing it cost a print view's
500 cards ~1 ms on the round-6 machine (~3 ms against ~2).
"""

from operator import attrgetter
from typing import NamedTuple

from forum.card_rows import PostCard

# What card() reads of a post: the columns every card row has (PostCard.COLUMNS)
# and the decorations forum/threads.py gives it for the viewer. A card is a function
# of these and of its page's language, zone, URLs and address, so its markup is kept
# with them: a post whose row or decorations changed in any way is rendered anew.
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
_MARKUP = {}  # (page key, replies link?, post id): (what the card read, markup)
# Stands for the page's CSRF field in kept markup: each request masks its token
# anew. No member's words can hold a NUL: forms refuse one, names and posts are
# cleaned of control characters (community/invisible_characters.py), PostgreSQL
# can't store one, and an address carries it only as "%00".
CSRF_SLOT = "\x00csrf\x00"


class CardKey(NamedTuple):
    place: tuple  # the page's key, whether the replies link shows, the post's id
    reads: tuple  # everything else the card shows (CARD_READS)


def key(page_key, post, show_replies_link) -> CardKey | None:
    """What `post`'s card is kept under on a page with `page_key`; None for a
    model instance, whose attributes may query (its thread's lock, say)."""
    if type(post) is not PostCard:
        return None
    place = (page_key, show_replies_link, post.id)
    return CardKey(place, _READ[show_replies_link](post))


def kept(card_key: CardKey):
    """The kept markup, if everything the card shows is as it was."""
    entry = _MARKUP.get(card_key.place)
    if entry is None or entry[0] != card_key.reads:
        return None
    return entry[1]


def keep(card_key: CardKey, markup):
    if len(_MARKUP) >= CARD_MARKUP_LIMIT:
        _MARKUP.clear()
    _MARKUP[card_key.place] = (card_key.reads, markup)
    return markup
