"""Whole-page cache of public article pages for signed-out visitors.

A page is stored, per interface language, with the versions of its article and
its conversation; a hit is served only while both versions are unchanged, so
publishing, editing, a poll vote or a change in the conversation shows up at once
on every app server. Entries also expire after ARTICLES_PAGE_CACHE_SECONDS.
Signed-in members are never served from here, and neither is a visitor who has
voted (they see their results).

A page found valid in Redis is also kept in the process, and served from there
without a round trip for as long as the process hears no change to its versions
(community/version_watch.py): the round trip was half a kept page's time.
"""

import time
from functools import partial
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from community import version_watch
from community.cache import bump, read_versions
from community.deflate_once import KeptMarkup
from community.early_answers import MESSAGES_COOKIE, EarlyAnswer
from community.read_replica import read_primary, reading_replica
from forum.caching import conversation_version_key

VOTER_COOKIE = "poll_voter"


def article_version_key(slug) -> str:
    return f"article-version:{slug}"


def _page_key(slug) -> str:
    # One entry per language: a visitor reading Spanish never gets the English page.
    return f"article-page:{get_language()}:{slug}"


def touch_article(*slugs) -> None:
    for slug in slugs:
        if slug:
            bump(article_version_key(slug))


def can_serve_from_cache(request) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and not request.GET
        and VOTER_COOKIE not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
    )


def _versions(slug, conversation_id):
    return read_versions(
        [article_version_key(slug), conversation_version_key(conversation_id)]
    )


# slug -> its conversation's id, learned from stored pages: with it, the page and
# both versions come in one round trip to the cache instead of two.
_conversation_of = {}


class _KeptHere(NamedTuple):
    markup: KeptMarkup  # gzipped once, if served again (community/deflate_once.py)
    version_keys: tuple
    expires_at: float  # time.time(), as the shared entry's


# Pages found valid in Redis, kept in this process: page key -> _KeptHere.
_kept_here = {}


def _forget(version_key):
    if version_key == version_watch.FORGET_ALL:
        _kept_here.clear()
        return
    for page_key, kept in list(_kept_here.items()):
        if version_key in kept.version_keys:
            _kept_here.pop(page_key, None)


version_watch.on_change(_forget)


def _kept_markup(page_key):
    """The page kept in this process under `page_key`, while it may be served."""
    kept = _kept_here.get(page_key)
    if kept is None or time.time() >= kept.expires_at:
        return None
    return kept.markup


def _still_kept(page_key):
    if version_watch.trusted_generation() is None:
        return None
    return _kept_markup(page_key)


def early_answer(slug) -> EarlyAnswer:
    """How the page cached_page() just gave can be answered again before the
    middleware (community/early_answers.py): while it is kept here, as served."""
    return EarlyAnswer(partial(_still_kept, _page_key(slug)), (VOTER_COOKIE,))


def cached_page(slug):
    page_key, conversation_id = _page_key(slug), _conversation_of.get(slug)
    generation = version_watch.trusted_generation()
    if generation is not None:
        markup = _kept_markup(page_key)
        if markup is not None:
            return markup.filled()
    versions = None
    if conversation_id is None:
        entry = cache.get(page_key)
    else:
        version_keys = [
            article_version_key(slug),
            conversation_version_key(conversation_id),
        ]
        found = cache.get_many([page_key, *version_keys])
        entry = found.get(page_key)
        versions = [found.get(key, 0) for key in version_keys]
    if entry is None:
        return None
    if entry["conversation_id"] != conversation_id:
        _conversation_of[slug] = entry["conversation_id"]
        versions = _versions(slug, entry["conversation_id"])
    if versions != entry["versions"]:
        # Just changed: a replica may not have the change yet, and the page
        # rendered now is stored under the new versions.
        read_primary()
        return None
    _keep_here(page_key, slug, entry, generation)
    return entry["html"]


def _keep_here(page_key, slug, entry, generation):
    """Keep a page just found valid, unless a change was heard since the check
    began (it may be stale already) or its subscription isn't trusted."""
    if generation is None or generation != version_watch.generation():
        return
    if "expires_at" not in entry:  # stored by an older release
        return
    version_keys = (
        article_version_key(slug),
        conversation_version_key(entry["conversation_id"]),
    )
    _kept_here[page_key] = _KeptHere(
        KeptMarkup(entry["html"]), version_keys, entry["expires_at"]
    )


def store_page(slug, conversation_id, html):
    _conversation_of[slug] = conversation_id
    lifetime = _lifetime()
    cache.set(
        _page_key(slug),
        {
            "html": html,
            "conversation_id": conversation_id,
            "versions": _versions(slug, conversation_id),
            "expires_at": time.time() + lifetime,
        },
        timeout=lifetime,
    )


def _lifetime():
    # A page read from a replica may predate the versions it is stored with: it
    # lives no longer than the replica may lag (community/read_replica.py).
    if reading_replica():
        return min(
            settings.ARTICLES_PAGE_CACHE_SECONDS, settings.DATABASE_REPLICA_LAG_SECONDS
        )
    return settings.ARTICLES_PAGE_CACHE_SECONDS
