"""Moderation: the only code that assigns Post.status after creation, and every
other moderator decision. One module per verb:

- screening: what a new or edited post's text triggers (block, hold, crisis support)
- states: the state machine table, the one entry for status changes, and the log
- decisions: approve, reject, hide, remove, restore, dismiss reports, withdraw
- queue: the review queue, and what its page reads; overview: the overview page
- reports: members' reports and hiding a post once enough established members report
- crisis_items: crisis and overdose matches as urgent items; false alarms
- sanctions, watched_words, locks (lock and pin), notices (telling the author)

Every decision writes one ModerationLog row in the same transaction. Rules in brief
(the community guidelines page has the public version):
- Visitor questions, a new member's first posts, posts with held words or contact
  details wait for review; moderators are never held.
- A post is hidden pending review once FORUM_AUTO_HIDE_REPORTERS distinct,
  established members report it (or one moderator does).
- Crisis language never changes a post's state.

Callers use `from forum import moderation` and the verbs re-exported below.
"""

from forum.moderation.crisis_items import mark_false_alarm
from forum.moderation.decisions import (
    approve_post,
    dismiss_reports,
    hide_post,
    reject_post,
    remove_post,
    restore_post,
    withdraw_post,
)
from forum.moderation.locks import set_conversation_lock, set_pinned, set_thread_lock
from forum.moderation.queue import close_item
from forum.moderation.reports import report_post
from forum.moderation.sanctions import lift_sanction, sanction_member
from forum.moderation.screening import (
    HoldReason,
    Screening,
    after_create,
    after_edit,
    initial_status,
    is_new_member,
    refuse_blocked,
    screen_text,
)
from forum.moderation.states import ALLOWED_TRANSITIONS, require_moderator
from forum.moderation.watched_words import add_watched_word, remove_watched_word

__all__ = [
    "ALLOWED_TRANSITIONS",
    "HoldReason",
    "Screening",
    "add_watched_word",
    "after_create",
    "after_edit",
    "approve_post",
    "close_item",
    "dismiss_reports",
    "hide_post",
    "initial_status",
    "is_new_member",
    "lift_sanction",
    "mark_false_alarm",
    "refuse_blocked",
    "reject_post",
    "remove_post",
    "remove_watched_word",
    "report_post",
    "require_moderator",
    "restore_post",
    "sanction_member",
    "screen_text",
    "set_conversation_lock",
    "set_pinned",
    "set_thread_lock",
    "withdraw_post",
]
