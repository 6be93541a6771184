"""Moderators' watched words: phrases that block a post, hold it for review, or
count as crisis language. The sourcing phrases are seeded here as hold words
(migration 0014_seed_sourcing_watched_words), so moderators can see and change them.
"""

from django.db import transaction

from community import crisis
from community.compiled_queries import CompiledQuery
from forum.models import WatchedWord
from forum.moderation.states import Action, log, require_moderator

_matchers_cache = {}
# Read on every post: compiled once (community/compiled_queries.py).
_WATCHED = CompiledQuery(
    lambda: WatchedWord.objects.order_by("id").values_list("id", "phrase", "action")
)


def watched_matchers() -> dict:
    """A PhraseMatcher per WatchedWord.Action, rebuilt when the list changes."""
    rows = _WATCHED.rows()
    version = tuple(rows)
    if _matchers_cache.get("version") != version:
        by_action = {action: [] for action in WatchedWord.Action}
        for _id, phrase, action in rows:
            by_action[action].append(phrase)
        _matchers_cache.update(
            version=version,
            matchers={
                action: crisis.PhraseMatcher(phrases)
                for action, phrases in by_action.items()
            },
        )
    return _matchers_cache["matchers"]


@transaction.atomic
def add_watched_word(
    *, moderator, phrase: str, action: str, note: str = ""
) -> WatchedWord:
    require_moderator(moderator)
    word = WatchedWord(
        phrase=crisis.normalise(phrase), action=action, note=note, created_by=moderator
    )
    word.full_clean()
    word.save()
    log(
        actor=moderator,
        action=Action.WATCHED_WORD_ADD,
        target=f"watched_word:{word.pk}",
        phrase=word.phrase,
        list=word.action,
    )
    return word


@transaction.atomic
def remove_watched_word(word: WatchedWord, *, moderator, reason: str = "") -> None:
    require_moderator(moderator)
    log(
        actor=moderator,
        action=Action.WATCHED_WORD_REMOVE,
        target=f"watched_word:{word.pk}",
        reason=reason,
        phrase=word.phrase,
        list=word.action,
    )
    word.delete()
