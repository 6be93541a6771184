"""Private messages: inbox, conversation, start, leave, delete my copy, report;
and the moderators' reviews of held, reported and crisis messages.

A member who isn't in a conversation gets 404; a moderator gets 403, because
moderators never browse private messages (forum/message_visibility.py).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from community import read_only
from community.decorators import members_only
from community.limits import RateLimited
from community.permissions import can_moderate
from forum import message_visibility, messaging, support
from forum.forms import PostForm
from forum.models import (
    MESSAGE_TEXT_OR_PICTURE,
    MessageReview,
    MessageStatus,
    PrivateMessage,
)
from forum.moderation import private_messages
from forum.views.common import _attempt
from forum.views.moderation import moderators_only

__all__ = [
    "message_inbox",
    "message_picture",
    "message_report",
    "message_review",
    "message_review_decide",
    "message_reviews",
    "message_start",
    "private_conversation",
    "private_conversation_delete",
    "private_conversation_leave",
]

PAGE_SIZE = 50  # the newest messages; older ones a link away


class MessageForm(PostForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, body_label=_("Your message"), **kwargs)
        self.fields["body"].help_text = MESSAGE_TEXT_OR_PICTURE


class StartForm(MessageForm):
    to = forms.CharField(
        label=gettext_lazy("To"),
        max_length=250,
        help_text=gettext_lazy(
            "A member's display name; for a group, up to four names separated "
            "by commas."
        ),
    )
    field_order = ["to", "body", "picture", "picture_alt"]


class ReportForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What's wrong? (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _participant_or_refuse(request, pk):
    participant = message_visibility.participation(pk, request.user)
    if participant is None:
        if can_moderate(request.user):
            raise PermissionDenied
        raise Http404
    participant.member = request.user
    return participant


def _send(request, form, action, **kwargs):
    """Run a sending action for a valid form; refusals become form errors."""
    sent, status = _attempt(form, action, **kwargs, **form.cleaned_data)
    if status is not None:
        return None, status
    note_kind = sent.screening.support_note
    if note_kind is not None:
        support.offer_support_note(
            request.session,
            support.SupportNote(
                kind=note_kind,
                outcome=support.PostOutcome.HELD
                if sent.message.status == MessageStatus.HELD
                else support.PostOutcome.PUBLISHED,
            ),
        )
    if sent.message.status == MessageStatus.HELD:
        messages.info(
            request,
            _(
                "Your message is waiting for a moderator's review. You can see it, "
                "marked “Waiting for review”; the others will once it's approved."
            ),
        )
    else:
        messages.success(request, _("Your message is sent."))
    return sent, None


@members_only
def message_inbox(request):
    participations = list(message_visibility.inbox(request.user)[:100])
    names = message_visibility.names_by_conversation(
        [p.conversation_id for p in participations], exclude=request.user
    )
    for participation in participations:
        participation.others = names.get(participation.conversation_id, [])
    return render(
        request,
        "forum/messages/inbox.html",
        {
            "participations": participations,
            "refusal": messaging.why_cannot_start(request.user),
        },
    )


@members_only
@require_http_methods(["GET", "POST"])
def message_start(request):
    refusal = messaging.why_cannot_start(request.user)
    form = StartForm(
        request.POST or None,
        request.FILES or None,
        initial={"to": request.GET.get("to", "")[:250]},
    )
    status = 200
    if request.method == "POST" and not refusal:
        status = 400
        if form.is_valid():
            try:
                recipients = messaging.recipients_named(
                    form.cleaned_data.pop("to"), author=request.user
                )
            except ValidationError as error:
                form.add_error("to", error)
            else:
                sent, status = _send(
                    request,
                    form,
                    messaging.start_conversation,
                    author=request.user,
                    recipients=recipients,
                )
                if sent:
                    return redirect(sent.message.conversation)
    elif refusal and request.method == "POST":
        status = 403
    return render(
        request,
        "forum/messages/start.html",
        {"form": form, "refusal": refusal},
        status=status,
    )


def _conversation_page(request, participant, form, status=200):
    shown = message_visibility.visible_messages(
        PrivateMessage.objects.select_related("author"), participant
    ).order_by("-created_at", "-id")
    before = request.GET.get("before", "")
    if before.isdigit():
        shown = shown.filter(id__lt=int(before))
    page = list(shown[: PAGE_SIZE + 1])
    earlier = page[PAGE_SIZE].pk + 1 if len(page) > PAGE_SIZE else None
    page = list(reversed(page[:PAGE_SIZE]))
    if status == 200 and not before:
        messaging.mark_read(participant)
    members = message_visibility.participants_of(participant.conversation_id)
    return render(
        request,
        "forum/messages/conversation.html",
        {
            "conversation": participant.conversation,
            "participant": participant,
            "members": members,
            "page": page,
            "earlier": page[0].pk if earlier and page else None,
            "may_write": messaging.may_write(participant),
            "form": form,
        },
        status=status,
    )


@members_only
@require_http_methods(["GET", "POST"])
def private_conversation(request, pk):
    participant = _participant_or_refuse(request, pk)
    form = MessageForm(request.POST or None, request.FILES or None)
    if request.method == "GET":
        return _conversation_page(request, participant, form)
    if not messaging.may_write(participant):
        raise PermissionDenied
    status = 400
    if form.is_valid():
        sent, status = _send(
            request,
            form,
            messaging.reply,
            conversation=participant.conversation,
            author=request.user,
        )
        if sent:
            return redirect(participant.conversation)
    return _conversation_page(request, participant, form, status=status)


@members_only
@require_POST
def private_conversation_leave(request, pk):
    participant = _participant_or_refuse(request, pk)
    messaging.leave(participant.conversation, member=request.user)
    messages.success(request, _("You left the conversation."))
    return redirect("forum:message_inbox")


@members_only
@require_POST
def private_conversation_delete(request, pk):
    participant = _participant_or_refuse(request, pk)
    messaging.delete_my_copy(participant.conversation, member=request.user)
    messages.success(request, _("The conversation is deleted from your messages."))
    return redirect("forum:message_inbox")


@members_only
@require_http_methods(["GET", "POST"])
def message_report(request, pk):
    message = get_object_or_404(PrivateMessage.objects.select_related("author"), pk=pk)
    participant = _participant_or_refuse(request, message.conversation_id)
    visible = message_visibility.visible_messages(
        PrivateMessage.objects.filter(pk=pk), participant
    ).exists()
    if not visible or message.author_id == request.user.pk:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            messaging.report_message(
                message, reporter=request.user, note=form.cleaned_data["note"]
            )
        except RateLimited as limited:
            form.add_error(None, limited.message)
        else:
            messages.success(
                request,
                _(
                    "Thank you. A moderator will read this message and the ten "
                    "before it, and nothing else of your conversation."
                ),
            )
            return redirect(participant.conversation)
    return render(
        request,
        "forum/messages/report.html",
        {"form": form, "message": message},
        status=400 if form.errors else 200,
    )


@members_only
def message_picture(request, pk, size):
    """A message's picture, for its conversation's participants, or for a
    moderator reviewing that very message."""
    message = get_object_or_404(PrivateMessage, pk=pk)
    participant = message_visibility.participation(
        message.conversation_id, request.user
    )
    allowed = participant is not None and (
        message_visibility.visible_messages(
            PrivateMessage.objects.filter(pk=pk), participant
        ).exists()
    )
    if not allowed and can_moderate(request.user):
        allowed = message_visibility.under_review(message)
    stored = message.thumbnail if size == "thumbnail" else message.picture
    if not allowed or not stored:
        raise Http404
    response = FileResponse(default_storage.open(stored.name, "rb"))
    response["Cache-Control"] = "private, max-age=3600"
    return response


@moderators_only
def message_reviews(request):
    return render(
        request,
        "forum/messages/reviews.html",
        {"reviews": private_messages.open_reviews()[:100]},
    )


@moderators_only
@read_only.waits_during_maintenance
def message_review(request, pk):
    review = get_object_or_404(
        MessageReview.objects.select_related("message__author", "reporter"), pk=pk
    )
    shown = private_messages.review_slice(review, moderator=request.user)
    return render(
        request,
        "forum/messages/review.html",
        {"review": review, "shown": shown},
    )


@moderators_only
@require_POST
def message_review_decide(request, pk, action):
    review = get_object_or_404(MessageReview, pk=pk)
    try:
        if action in ("release", "reject"):
            private_messages.decide_held(
                review, moderator=request.user, release=action == "release"
            )
        elif action == "close":
            private_messages.close_review(review, moderator=request.user)
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Done. The decision is in the moderation log."))
    return redirect("forum:message_reviews")
