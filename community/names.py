"""Display names: the one home of what a member may be called.

A name must show something, may hold no invisible or text-direction characters,
may not be (or contain) a name the site keeps for itself and its staff, and may not
look like anyone else's name. "Looks like" is Unicode's confusables skeleton
(UTS #39): compatibility forms folded (NFKC), marks and case dropped, and every
character mapped to the prototype it can be mistaken for, so "Keel" with Cyrillic
e, in full-width letters or as "KeeI" (capital i) has the skeleton of "Keel".
"""

import bisect
import re
import unicodedata
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from community.invisible_characters import INVISIBLE_RANGES
from community.sanitize import has_visible_text

MESSAGES = {
    "invisible": _("Please choose a display name people can see."),
    "hidden_characters": _(
        "Display names can't contain invisible or text-direction "
        "characters. Please type the name again without them."
    ),
    "reserved": _(
        "That name is kept for the site and its moderators. Please choose another."
    ),
    "taken": _(
        "That display name is taken. Please choose another: names that look "
        "alike count as the same name."
    ),
}

# What every former member is called once their account is deleted: stored as
# the name of each one (the only name several accounts may share), shown translated.
FORMER_MEMBER_NAME = "A former member"

# Names nobody may take, words no name may hold, and parts no name may contain:
# they would pass for the site, its staff, a visitor's label or a departed member.
RESERVED_NAMES = (
    "visitor",
    "a visitor",
    "former member",
    "a former member",
    "deleted member",
    "anonymous",
    "system",
    "support",
)
RESERVED_WORDS = ("mod", "mods", "admin", "admins", "staff")
RESERVED_PARTS = ("moderator", "administrator")  # plus the site's name

_DIRECTION_MARKS = str.maketrans("", "", "\u200e\u200f")
_RANGE_STARTS = [start for start, _end in INVISIBLE_RANGES]


def check_display_name(name: str, *, member=None) -> str:
    """The name as it will be stored (spaces collapsed), or ValidationError."""
    name = " ".join(name.split())
    if not has_visible_text(name):
        raise ValidationError(MESSAGES["invisible"], code="invisible")
    if any(_is_hidden_character(char) for char in name):
        raise ValidationError(MESSAGES["hidden_characters"], code="hidden_characters")
    if is_reserved_name(name):
        raise ValidationError(MESSAGES["reserved"], code="reserved")
    if is_taken_name(name, member=member):
        raise ValidationError(MESSAGES["taken"], code="taken")
    return name


def is_reserved_name(name: str) -> bool:
    skeleton = name_skeleton(name)
    letters = _letters_only(skeleton)
    words = set(re.split(r"[\W_]+", skeleton))
    parts = (*RESERVED_PARTS, settings.SITE_NAME)
    return (
        letters in {_letters_only(name_skeleton(n)) for n in RESERVED_NAMES}
        or any(name_skeleton(word) in words for word in RESERVED_WORDS)
        or any(_letters_only(name_skeleton(part)) in letters for part in parts)
    )


def is_taken_name(name: str, *, member=None) -> bool:
    from community.models import User  # the model calls this module

    others = User.objects.filter(name_skeleton=name_skeleton(name))
    if member is not None and member.pk is not None:
        others = others.exclude(pk=member.pk)
    return others.exists()


def name_skeleton(name: str) -> str:
    """Two names with the same skeleton look alike (UTS #39, case and marks folded)."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(" " if char.isspace() else char for char in text)
    text = "".join(
        char
        for char in unicodedata.normalize("NFD", text)
        if char == " " or not _is_invisible(char)
    )
    text = _to_prototypes(_to_prototypes(text).casefold())
    text = unicodedata.normalize("NFD", text)
    return " ".join(
        "".join(char for char in text if char == " " or not _is_invisible(char)).split()
    )


def _letters_only(skeleton: str) -> str:
    return re.sub(r"[\W_]+", "", skeleton)


def _is_invisible(char: str) -> bool:
    index = bisect.bisect_right(_RANGE_STARTS, ord(char)) - 1
    return index >= 0 and ord(char) <= INVISIBLE_RANGES[index][1]


def _is_hidden_character(char: str) -> bool:
    """Shows nothing and isn't a space or a mark: zero-width, bidi, fillers."""
    return (
        _is_invisible(char)
        and not char.isspace()
        and not unicodedata.category(char).startswith("M")
    )


def _to_prototypes(text: str) -> str:
    prototypes = _prototype_map()
    for _round in range(4):  # a prototype may itself contain mapped characters
        mapped = "".join(prototypes.get(char, char) for char in text)
        if mapped == text:
            break
        text = mapped
    return text


@cache
def _prototype_map() -> dict[str, str]:
    """Each confusable character -> its prototype, from Unicode's confusables.txt.

    confusable_homoglyphs stores the pairs in both directions. A character is a
    source (mapped) when it has a single partner that is a sequence or has
    partners of its own; prototypes are never sources. For the few pairs of
    characters confusable only with each other, the smaller one stands for both.
    """
    from confusable_homoglyphs.confusables import confusables_data  # a large table

    partners: dict[str, set[str]] = {}
    for key, entries in confusables_data.items():
        a = key.translate(_DIRECTION_MARKS)
        for entry in entries:
            b = entry["c"].translate(_DIRECTION_MARKS)
            if a and b and a != b:
                partners.setdefault(a, set()).add(b)
                partners.setdefault(b, set()).add(a)
    mapping = {}
    for char, others in partners.items():
        if len(char) != 1 or len(others) != 1:
            continue
        (other,) = others
        if len(other) > 1 or len(partners[other]) > 1 or other < char:
            mapping[char] = other
    return mapping
