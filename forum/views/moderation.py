"""Moderators' pages. Every page needs the moderator role and two-factor sign-in."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from community.decorators import staff_only
from community.models import ModeratorMessage, Sanction, User
from community.permissions import can_moderate, can_review_medically
from community.redirects import safe_next
from forum import moderation
from forum.forms import (
    ModerationLogFilterForm,
    ReasonForm,
    SanctionForm,
    WatchedWordForm,
)
from forum.models import (
    Conversation,
    CrisisMatch,
    ModerationLog,
    Post,
    QueueItem,
    WatchedWord,
)
from forum.moderation import overview, queue

__all__ = [
    "conversation_lock",
    "crisis_false_alarms",
    "crisis_match_false_alarm",
    "member_sanction",
    "moderation_log",
    "moderation_overview",
    "moderation_queue",
    "moderator_messages",
    "queue_action",
    "queue_item_close",
    "sanction_lift",
    "watched_word_delete",
    "watched_words",
]


# Moderator role, in a session that passed two-factor sign-in.
moderators_only = staff_only(can_moderate)


@moderators_only
@require_POST
def crisis_match_false_alarm(request, pk):
    match = get_object_or_404(CrisisMatch, pk=pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    moderation.mark_false_alarm(
        match, moderator=request.user, note=form.cleaned_data.get("reason", "")
    )
    messages.success(
        request,
        _(
            "Marked as a false alarm. The clinical reviewer will see it; the list "
            "is unchanged."
        ),
    )
    return redirect("forum:moderation_queue")


@staff_only(can_moderate, can_review_medically)
def crisis_false_alarms(request):
    """Matches moderators marked as false alarms, for the clinical reviewer, who
    owns the crisis list and changes it only by code review."""
    marks = (
        CrisisMatch.objects.filter(false_alarm_at__isnull=False)
        .select_related("false_alarm_by")
        .order_by("-false_alarm_at")
    )
    page = Paginator(marks, 50).get_page(request.GET.get("page"))
    return render(request, "forum/crisis_false_alarms.html", {"page": page})


def _form_errors(form):
    """A refused form's errors as one message, for views that redirect."""
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@moderators_only
def moderation_queue(request):
    return render(
        request,
        "forum/moderation_queue.html",
        {
            "entries": queue.open_queue(),
            # Decisions closed their items; keep recent ones in reach to undo them.
            "recently_actioned": queue.recently_actioned(),
            "reason_form": ReasonForm(),
            "sanction_form": SanctionForm(),
        },
    )


QUEUE_ACTIONS = {
    "approve": (moderation.approve_post, gettext_lazy("Approved: visible to members.")),
    "reject": (
        moderation.reject_post,
        gettext_lazy("Not approved. The author has been told why."),
    ),
    "hide": (moderation.hide_post, gettext_lazy("Hidden. The author can see why.")),
    "remove": (
        moderation.remove_post,
        gettext_lazy("Removed. A tombstone keeps the replies in place."),
    ),
    "restore": (moderation.restore_post, gettext_lazy("Restored.")),
    "dismiss": (moderation.dismiss_reports, gettext_lazy("Reports dismissed.")),
    "pin": (
        partial(moderation.set_pinned, pinned=True),
        gettext_lazy("Pinned: it now comes first in its list."),
    ),
    "unpin": (partial(moderation.set_pinned, pinned=False), gettext_lazy("Unpinned.")),
    "lock": (
        partial(moderation.set_thread_lock, locked=True),
        gettext_lazy(
            "Thread locked: no new replies. Unlock it from the thread's page."
        ),
    ),
    "unlock": (
        partial(moderation.set_thread_lock, locked=False),
        gettext_lazy("Thread unlocked: members can reply again."),
    ),
}


@moderators_only
@require_POST
def queue_action(request, pk, action):
    post = get_object_or_404(Post, pk=pk)
    if action not in QUEUE_ACTIONS:
        raise PermissionDenied
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(safe_next(request, reverse("forum:moderation_queue")))
    reason = form.cleaned_data["reason"]
    function, done = QUEUE_ACTIONS[action]
    try:
        function(post, moderator=request.user, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(safe_next(request, reverse("forum:moderation_queue")))


@moderators_only
@require_POST
def queue_item_close(request, pk):
    item = get_object_or_404(QueueItem.objects.open(), pk=pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("forum:moderation_queue")
    moderation.close_item(
        item, moderator=request.user, note=form.cleaned_data["reason"]
    )
    messages.success(request, _("Item closed. The post is unchanged."))
    return redirect("forum:moderation_queue")


@moderators_only
@require_POST
def conversation_lock(request, pk):
    conversation = get_object_or_404(Conversation, pk=pk)
    locked = request.POST.get("locked") == "1"
    try:
        moderation.set_conversation_lock(
            conversation, moderator=request.user, locked=locked
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Conversation locked.") if locked else _("Conversation unlocked."),
        )
    return redirect(safe_next(request, reverse("forum:moderation_queue")))


@moderators_only
def member_sanction(request, pk):
    member = get_object_or_404(User, pk=pk)
    form = SanctionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                moderation.sanction_member(
                    member, moderator=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Saved. %(name)s will see your message.")
                    % {"name": member.display_name},
                )
                return redirect("forum:member_sanction", pk=member.pk)
    sanctions = Sanction.objects.filter(member=member).select_related("created_by")
    posts = Post.objects.filter(author=member).order_by("-created_at")[:20]
    return render(
        request,
        "forum/member_sanction.html",
        {"member": member, "form": form, "sanctions": sanctions, "posts": posts},
        status=status,
    )


@moderators_only
@require_POST
def sanction_lift(request, pk):
    sanction = get_object_or_404(Sanction, pk=pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("forum:member_sanction", pk=sanction.member_id)
    moderation.lift_sanction(
        sanction, moderator=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("Lifted."))
    return redirect("forum:member_sanction", pk=sanction.member_id)


@moderators_only
def moderation_log(request):
    entries = ModerationLog.objects.select_related("actor", "member")
    filters = ModerationLogFilterForm(request.GET)
    status = 200
    if not filters.is_valid():
        messages.error(
            request, _("That filter is not valid, so this is the whole log.")
        )
        status = 400
        filters = ModerationLogFilterForm({})
        filters.is_valid()
    action = filters.cleaned_data["action"]
    if action:
        entries = entries.filter(action=action)
    if filters.cleaned_data["member"]:
        entries = entries.filter(member_id=filters.cleaned_data["member"])
    if filters.cleaned_data["actor"]:
        entries = entries.filter(actor_id=filters.cleaned_data["actor"])
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "forum/moderation_log.html",
        {"page": page, "actions": ModerationLog.Action.choices, "action": action},
        status=status,
    )


@moderators_only
def watched_words(request):
    form = WatchedWordForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                moderation.add_watched_word(moderator=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Added."))
                return redirect("forum:watched_words")
    return render(
        request,
        "forum/watched_words.html",
        {"form": form, "words": WatchedWord.objects.all()},
        status=status,
    )


@moderators_only
@require_POST
def watched_word_delete(request, pk):
    word = get_object_or_404(WatchedWord, pk=pk)
    moderation.remove_watched_word(word, moderator=request.user)
    messages.success(request, _("Removed."))
    return redirect("forum:watched_words")


@moderators_only
def moderation_overview(request):
    return render(
        request,
        "forum/moderation_overview.html",
        {"overview": overview.moderation_overview()},
    )


@moderators_only
def moderator_messages(request):
    inbox = ModeratorMessage.objects.select_related("member")[:100]
    return render(request, "forum/moderator_messages.html", {"inbox": inbox})
