"""The sanitizing boundary: the only module that imports nh3 or bleach.

Member text is stored as typed and rendered here once, at write time, to a small
safe subset of HTML. bleach only adds links (it gets no more releases, so it never
cleans); nh3 is the boundary that decides what reaches a page.
"""

import json
import re

import bleach
import nh3
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe

from community.invisible_characters import INVISIBLE_RANGES

# Bump when the policy below changes. Each post stores the version it was rendered
# with (`Post.sanitizer_version`), so rows rendered under an older policy can be
# found and rendered again; stored HTML is clean under every version, so old rows
# stay displayable meanwhile. (No re-render command exists yet.)
# 2: "@name" mentions become links with class="mention".
VERSION = 2


def _code_point_escape(code_point: int) -> str:
    if code_point > 0xFFFF:
        return f"\\U{code_point:08x}"
    return f"\\u{code_point:04x}"


# "Text" means at least one character that shows something on its own: the
# invisible ones (spaces, marks, format and ignorable characters, fillers) are
# decided by Unicode's properties in community/invisible_characters.py. The pattern
# names code points by escape, which Python's re (SQLite) and PostgreSQL's regex
# engine read alike, so forum's database constraint uses it too.
VISIBLE_CHARACTER = "[^{}]".format(
    "".join(
        _code_point_escape(start)
        + ("" if end == start else "-" + _code_point_escape(end))
        for start, end in INVISIBLE_RANGES
    )
)
_visible = re.compile(VISIBLE_CHARACTER)


def has_visible_text(text: str) -> bool:
    return bool(_visible.search(text or ""))


MEMBER_TAGS = {"p", "br", "a"}
MEMBER_ATTRIBUTES = {"a": {"href"}}
LINK_REL = "nofollow ugc noopener noreferrer"
MENTION_CLASS = "mention"

# "@" then one to four words of letters and digits (a word may hold inner "-" or
# "."), not straight after a letter, "@", "/" or "." (so no addresses or URLs).
# Which of the words belong to the name is decided by the member names that exist:
# the longest run that is someone's name wins (community/mentions.py).
MENTION_WORDS = 4
_WORD = r"\w+(?:[-.]\w+)*"
MENTION = re.compile(rf"(?<![\w@/.])@({_WORD}(?: {_WORD}){{0,{MENTION_WORDS - 1}}})")


def mention_candidates(words: str) -> list[str]:
    """The names an "@" may mean, longest first: "Sam Rivera hi" -> three."""
    parts = words.split(" ")
    return [" ".join(parts[:n]) for n in range(len(parts), 0, -1)]


def _link_mentions(html: str, links) -> str:
    """Wrap each "@name" that `links` (name -> profile URL) knows in a link.

    Runs on escaped text, before linkify and the cleaner, so the cleaner still
    decides what reaches the page."""

    def link(match):
        for name in mention_candidates(match.group(1)):
            if url := links(name):
                rest = match.group(0)[len(name) + 1 :]
                return (
                    f'<a href="{escape(url)}" class="{MENTION_CLASS}">@{name}</a>{rest}'
                )
        return match.group(0)

    return MENTION.sub(link, html)


def render_member_text(text: str, *, mention_links=None) -> str:
    """Plain text as typed -> paragraphs, line breaks and safe links.

    `mention_links(name)` gives the profile URL an "@name" links to, or None
    (community/mentions.py decides who may be mentioned)."""
    if not has_visible_text(text):
        return ""
    html = linebreaks(text, autoescape=True)
    if mention_links is not None:
        html = _link_mentions(html, mention_links)
    html = bleach.linkify(html, parse_email=False)
    return nh3.clean(
        html,
        tags=MEMBER_TAGS,
        attributes=MEMBER_ATTRIBUTES,
        tag_attribute_values={"a": {"class": {MENTION_CLASS}}},
        url_schemes={"http", "https"},
        link_rel=LINK_REL,
    )


EDITORIAL_TAGS = MEMBER_TAGS | {
    "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "code", "hr", "sup", "sub",
}  # fmt: skip
EDITORIAL_ATTRIBUTES = {
    "a": {"href", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}


def clean_editorial_html(html: str) -> str:
    """HTML made from editors' Markdown: a wider allowlist, same boundary."""
    return nh3.clean(
        html,
        tags=EDITORIAL_TAGS,
        attributes=EDITORIAL_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def json_ld_script(data, *, nonce: str = ""):
    """A <script type="application/ld+json"> element no value can break out of.

    Django's json_script can't set the type; this escapes <, > and & the same way.
    """
    text = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return format_html(
        '<script type="application/ld+json"{}>{}</script>',
        format_html(' nonce="{}"', nonce) if nonce else "",
        mark_safe(text),
    )


# Markers PostgreSQL's ts_headline (or our fallback) puts around search hits. They are
# control characters nobody types; the text is escaped before they become <mark>.
HIT_START, HIT_STOP = "\x02", "\x03"


def highlighted(text: str):
    """Plain text with hit markers -> escaped HTML with <mark> around the hits."""
    clean = escape(text.replace("\x00", ""))
    return mark_safe(clean.replace(HIT_START, "<mark>").replace(HIT_STOP, "</mark>"))


def as_stored_html(stored: str):
    """Mark HTML this module produced (and the database stored) safe to show."""
    # SafeString, not mark_safe(): the same for text, without the lazy-text check
    # that costs more than the rest of a card's body (print view: 1,000 a page).
    return SafeString(stored)
