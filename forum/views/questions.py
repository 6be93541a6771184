"""Visitors' questions and the list members answer from."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community.decorators import members_only
from community.limits import visitor_key
from forum import actions, threads
from forum.forms import QuestionForm
from forum.models import Conversation
from forum.views.common import _attempt, _offer_support, _posted_message

# --- Questions ----------------------------------------------------------------


def _conversation_asked_about(request):
    """The conversation a question is for (`?conversation=<id>`), or None; 404 for
    an id that isn't one."""
    raw = request.POST.get("conversation") or request.GET.get("conversation")
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        raise Http404("No such conversation.")
    return get_object_or_404(Conversation, pk=int(raw))


@require_http_methods(["GET", "POST"])
def question_create(request):
    conversation = _conversation_asked_about(request)
    form = QuestionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if form.is_from_a_bot():
                # Look like success, store nothing.
                return redirect("forum:question_received")
            user = request.user if request.user.is_authenticated else None
            posted, status = _attempt(
                form,
                actions.ask_question,
                author=user,
                body=form.cleaned_data["body"],
                conversation=conversation,
                visitor_key=None if user else visitor_key(request),
            )
            if status is None:
                _offer_support(request, posted)
                question = posted.post
                if user is None:
                    return redirect("forum:question_received")
                _posted_message(request, question, _("Your question is posted."))
                return redirect(question)
    return render(
        request,
        "forum/question_create.html",
        {"form": form, "conversation": conversation},
        status=status,
    )


def question_received(request):
    return render(request, "forum/question_received.html")


@members_only
def question_list(request):
    page = threads.question_page(request.user, before=request.GET.get("before"))
    return render(request, "forum/question_list.html", {"page": page})
