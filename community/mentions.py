"""Mentions: who an "@name" in a post means, and who may be told.

Matching rule (display names may hold spaces): "@" followed by up to
`sanitize.MENTION_WORDS` words; the longest run of those words that is a member's
name, compared by look-alike skeleton (community/names.py: case, accents and
confusable letters folded), is the member meant. Skeletons are unique among
members, so the match is never ambiguous: "@sam rivera thanks" means Sam Rivera if
there is one, else Sam. Names with characters other than letters, digits and
inner "-" or "." can't be mentioned.

Only the first MAX_MENTIONS different members in a post are linked and notified;
any further "@name" stays plain text, so nobody can page fifty people at once.
A member who blocks the author is never linked nor told. Whether and when to
notify is forum's to decide (it knows the post's state); this module only says
who is mentioned.
"""

from django.urls import reverse

from community.models import User
from community.names import name_skeleton
from community.relations import members_blocking
from community.sanitize import MENTION, mention_candidates

MAX_MENTIONS = 5


def mentioned_members(text: str, *, author) -> list:
    """The members `text` mentions and links, in order of first mention (at most
    MAX_MENTIONS; never the author's blockers). Two queries at most."""
    if author is None:
        return []
    named = _named_members(text)
    blockers = members_blocking(author.pk, [member.pk for member in named])
    return [member for member in named if member.pk not in blockers][:MAX_MENTIONS]


def _named_members(text: str) -> list:
    """Every active member an "@" in `text` names, in order of first mention."""
    if "@" not in (text or ""):
        return []
    runs = [match.group(1) for match in MENTION.finditer(text)]
    wanted = {name_skeleton(name) for run in runs for name in mention_candidates(run)}
    by_skeleton = {
        member.name_skeleton: member
        for member in User.objects.filter(name_skeleton__in=wanted, is_active=True)
    }
    found = []
    for run in runs:
        for name in mention_candidates(run):
            member = by_skeleton.get(name_skeleton(name))
            if member is not None:
                if member not in found:
                    found.append(member)
                break
    return found


def _links(members):
    urls = {
        member.name_skeleton: reverse("community:profile_detail", args=[member.pk])
        for member in members
    }
    return lambda name: urls.get(name_skeleton(name))


def mention_links(text: str, *, author):
    """For community/sanitize.render_member_text: name -> profile URL, or None."""
    return _links(mentioned_members(text, author=author))


def without_mentions(text: str, *, author) -> str:
    """`text` with the "@" taken off its mentions of other members, for the
    detector of contact details: a mention is not an off-site handle. The author's
    own name keeps its "@" ("find me @myname" still looks like a handle). Every
    member named counts, linked or not, so a post naming someone who blocks its
    author is treated exactly like any other (the author can't tell)."""
    others = [member for member in _named_members(text) if member != author]
    if not others:
        return text
    links = _links(others)

    def unmarked(match):
        for name in mention_candidates(match.group(1)):
            if links(name):
                return match.group(0)[1:]
        return match.group(0)

    return MENTION.sub(unmarked, text)
