"""Visitors' questions and the list members answer from."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community.decorators import members_only
from community.limits import visitor_key
from forum import actions, threads, visibility, visitor_questions
from forum.forms import QuestionForm
from forum.models import Conversation, Status
from forum.views.common import _attempt, _offer_support, _posted_message

# The asking browser keeps its private link for the "question received" page.
PRIVATE_LINK_SESSION_KEY = "visitor_question_link"

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
                answer_email="" if user else form.cleaned_data["answer_email"],
                language=request.LANGUAGE_CODE,
            )
            if status is None:
                _offer_support(request, posted)
                question = posted.post
                if user is None:
                    request.session[PRIVATE_LINK_SESSION_KEY] = (
                        visitor_questions.private_path(question)
                    )
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
    private_path = request.session.get(PRIVATE_LINK_SESSION_KEY)
    return render(
        request,
        "forum/question_received.html",
        {
            "private_url": request.build_absolute_uri(private_path)
            if private_path
            else None,
            "link_days": settings.FORUM_VISITOR_LINK_DAYS,
        },
    )


def visitor_question(request, token):
    """A visitor's own question and its published answers, by private link only."""
    question = visitor_questions.question_for_token(token)
    if question is None:
        raise Http404("This link is wrong or has expired.")
    answers = visibility.answers_for_the_asker(question)
    response = render(
        request,
        "forum/visitor_question.html",
        {
            "question": question,
            "answers": answers,
            "link_days": settings.FORUM_VISITOR_LINK_DAYS,
            "Status": Status,
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The address is the key to the page: never sent on to another site.
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


@members_only
def question_list(request):
    page = threads.question_page(request.user, before=request.GET.get("before"))
    return render(request, "forum/question_list.html", {"page": page})
