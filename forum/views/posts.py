from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from community.decorators import members_only
from community.limits import RateLimited, visitor_key
from community.models import Sanction
from community.redirects import safe_next
from forum import actions, history, moderation, support, threads
from forum.forms import EditPostForm, PostForm, QuestionForm, ReportForm
from forum.models import Conversation, Notification, Post, Report, Status
from forum.permissions import can_report
from forum.visibility import Viewer

RATE_LIMITED = 429


def _attempt(form, action, **kwargs):
    """Run an action for a bound form; refusals become form errors (draft kept).

    Returns (result, status): status is None on success, else 400 or 429.
    """
    try:
        return action(**kwargs), None
    except ValidationError as error:
        form.add_error(None, error)
        return None, 400
    except RateLimited as limited:
        form.add_error(None, limited.message)
        return None, RATE_LIMITED


def _offer_support(request, posted: actions.Posted):
    """After crisis or overdose words, the next page shows support once, saying
    what happened to the post (up, or waiting for a moderator)."""
    note_kind = posted.screening.support_note
    if note_kind is None:
        return
    post = posted.post
    outcome = {
        Status.PUBLISHED: support.PostOutcome.PUBLISHED,
        Status.HELD: support.PostOutcome.HELD,
    }.get(post.status, support.PostOutcome.NONE)
    support.offer_support_note(
        request.session,
        support.SupportNote(
            kind=note_kind,
            outcome=outcome,
            is_question=post.kind == Post.Kind.QUESTION,
        ),
    )


def _posted_message(request, post, published_text):
    if post.status == Status.HELD:
        messages.info(
            request,
            "Thanks! Your post is waiting for a moderator's review. You can see it, "
            "marked “Waiting for review”; others will once it's approved.",
        )
    else:
        messages.success(request, published_text)


def _submit(request, form, action, *, done, **kwargs):
    """Validate a composer, run the posting action, and tell the person how it went.

    Returns (post, status): status is None on success, else 400 or 429 with the
    form carrying the errors and everything that was typed.
    """
    if not form.is_valid():
        return None, 400
    posted, status = _attempt(form, action, **kwargs, **form.cleaned_data)
    if status is not None:
        return None, status
    _offer_support(request, posted)
    _posted_message(request, posted.post, done)
    return posted.post, status


def _visible_post(request, pk):
    """A post the viewer may see, perhaps only as a placeholder."""
    return get_object_or_404(
        Post.objects.visible_to(request.user).select_related(
            "author", "conversation", "parent__author"
        ),
        pk=pk,
    )


def _readable_post(request, pk):
    """A post whose text and pictures the viewer may read: pages that show them."""
    return get_object_or_404(
        Post.objects.readable_by(request.user).select_related(
            "author", "conversation", "parent__author"
        ),
        pk=pk,
    )


# --- The community feed -------------------------------------------------------


def feed(request):
    if not request.user.is_authenticated:
        return render(request, "forum/feed_invitation.html")
    return _feed(request, PostForm())


@members_only
def _feed(request, form, status=200):
    conversation = Conversation.objects.feed()
    page = threads.feed_page(
        conversation, request.user, before=request.GET.get("before")
    )
    return render(
        request,
        "forum/feed.html",
        {"page": page, "form": form, "conversation": conversation},
        status=status,
    )


@members_only
@require_http_methods(["GET", "POST"])
def update_create(request):
    if request.method == "GET":
        # A reload or a bookmark after a refused post: the composer is on the feed.
        return redirect("forum:feed")
    form = PostForm(request.POST, request.FILES)
    post, status = _submit(
        request,
        form,
        actions.post_update,
        done="Your update is posted.",
        author=request.user,
    )
    if status:
        return _feed(request, form, status=status)
    return redirect(post)


# --- Conversations and threads ------------------------------------------------


@members_only
def conversation_detail(request, pk):
    conversation = get_object_or_404(Conversation, pk=pk)
    if conversation.kind == Conversation.Kind.FEED:
        return redirect("forum:feed")
    page = threads.conversation_page(
        conversation, request.user, before=request.GET.get("before")
    )
    return render(
        request,
        "forum/conversation_detail.html",
        {"conversation": conversation, "page": page, "form": PostForm()},
    )


@members_only
def conversation_print(request, pk):
    """The whole conversation on one page, read-only, for reading or printing."""
    conversation = get_object_or_404(Conversation, pk=pk)
    if conversation.kind == Conversation.Kind.FEED:
        return redirect("forum:feed")
    page = threads.whole_conversation(
        conversation, request.user, after=request.GET.get("after")
    )
    return render(
        request,
        "forum/conversation_print.html",
        {"conversation": conversation, "page": page},
    )


@members_only
@require_http_methods(["GET", "POST"])
def comment_create(request, pk):
    conversation = get_object_or_404(Conversation, pk=pk)
    if request.method == "GET":
        # A reload after a refused post: back to the conversation and its composer.
        return redirect(conversation)
    form = PostForm(request.POST, request.FILES)
    post, status = _submit(
        request,
        form,
        actions.post_comment,
        done="Your post is up.",
        conversation=conversation,
        author=request.user,
    )
    if status is None:
        return redirect(f"{conversation.get_absolute_url()}#post-{post.pk}")
    return render(
        request,
        "forum/comment_form.html",
        {"conversation": conversation, "form": form},
        status=status,
    )


@members_only
def post_detail(request, pk):
    """Every post's permalink: the thread page that holds it."""
    post = _visible_post(request, pk)
    if post.depth > 0:
        url = reverse("forum:post_detail", args=[post.root_id])
        earlier = threads.replies_before(post, request.user)
        if earlier >= settings.FORUM_REPLY_PAGE_SIZE:
            url += f"?from={post.path}"
        return redirect(f"{url}#post-{post.pk}")
    page = threads.thread_page(post, request.user, start_path=request.GET.get("from"))
    following = request.user.follows.filter(thread=post).exists()
    return render(
        request,
        "forum/post_detail.html",
        {"root": post, "page": page, "following": following},
    )


@members_only
@require_http_methods(["GET", "POST"])
def post_reply(request, pk):
    parent = _readable_post(request, pk)
    form = PostForm(
        request.POST or None, request.FILES or None, body_label="Your reply"
    )
    status = 200
    if request.method == "POST":
        reply, status = _submit(
            request,
            form,
            actions.reply_to_post,
            done="Your reply is posted.",
            parent=parent,
            author=request.user,
        )
        if status is None:
            return redirect(reply)
    return render(
        request,
        "forum/post_reply.html",
        {"parent": parent, "form": form},
        status=status,
    )


@members_only
@require_http_methods(["GET", "POST"])
def post_edit(request, pk):
    post = _readable_post(request, pk)
    initial = {"body": post.body, "picture_alt": post.picture_alt}
    form = EditPostForm(request.POST or None, request.FILES or None, initial=initial)
    status = 200
    if request.method == "POST":
        edited, status = _submit(
            request,
            form,
            actions.edit_post,
            done="Your changes are saved.",
            post=post,
            editor=request.user,
        )
        if status is None:
            return redirect(edited)
    return render(
        request, "forum/post_edit.html", {"post": post, "form": form}, status=status
    )


@members_only
def post_history(request, pk):
    """Earlier versions of a post, for its author and moderators only."""
    post = _readable_post(request, pk)
    if not Viewer.of(request.user).may_see_history(post):
        raise Http404
    return render(
        request,
        "forum/post_history.html",
        {"post": post, "edits": history.edit_history(post)},
    )


@members_only
@require_POST
def post_delete(request, pk):
    post = _visible_post(request, pk)
    try:
        moderation.withdraw_post(post, author=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Your post is deleted. Replies to it stay in place.")
    return redirect(safe_next(request, post.get_absolute_url()))


@members_only
@require_POST
def post_react(request, pk):
    post = _visible_post(request, pk)
    kind, _, state = request.POST.get("reaction", "").partition(":")
    try:
        actions.set_reaction(post, member=request.user, kind=kind, on=state == "on")
    except ValueError as error:
        raise Http404("No such reaction.") from error
    except RateLimited as limited:
        messages.error(request, limited.message)
    return redirect(safe_next(request, post.get_absolute_url()) + f"#post-{post.pk}")


@members_only
@require_POST
def thread_follow(request, pk):
    post = _visible_post(request, pk)
    if request.POST.get("follow") == "1":
        actions.follow_thread(post, member=request.user)
        messages.success(request, "You'll be notified about new replies.")
    else:
        actions.unfollow_thread(post, member=request.user)
        messages.success(request, "You won't be notified about new replies here.")
    return redirect(post)


@members_only
def post_picture(request, pk, size):
    """Pictures go through this members-only view, never a public media URL."""
    post = _readable_post(request, pk)
    stored = post.thumbnail if size == "thumbnail" else post.picture
    if not stored:
        raise Http404
    response = FileResponse(default_storage.open(stored.name, "rb"))
    response["Cache-Control"] = "private, max-age=86400"
    return response


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
                _posted_message(request, question, "Your question is posted.")
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


# --- Notifications ------------------------------------------------------------


@members_only
def notification_list(request):
    notifications = list(
        Notification.objects.filter(recipient=request.user).select_related(
            "actor", "post"
        )[:50]
    )
    # Moderators' warnings and other measures reach the member here too.
    measures = Sanction.objects.filter(member=request.user).order_by("-created_at")[:10]
    return render(
        request,
        "forum/notification_list.html",
        {"notifications": notifications, "measures": measures},
    )


@members_only
@require_POST
def notifications_read(request):
    actions.mark_notifications_read(member=request.user)
    return redirect("forum:notifications")


@members_only
@require_http_methods(["GET", "POST"])
def post_report(request, pk):
    post = _visible_post(request, pk)
    form = ReportForm(
        request.POST or None, at_risk_only=not can_report(request.user, post)
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            report, status = _attempt(
                form,
                moderation.report_post,
                post=post,
                reporter=request.user,
                **form.cleaned_data,
            )
            if status is None:
                if report.reason == Report.Reason.AT_RISK:
                    support.offer_support_note(
                        request.session, support.SupportNote(support.NoteKind.REPORTER)
                    )
                messages.success(
                    request,
                    "Thank you. A moderator will look at it. The author isn't told "
                    "who reported.",
                )
                return redirect(post)
    return render(
        request,
        "forum/post_report.html",
        {"post": post, "form": form, "shown": Viewer.of(request.user).card_view(post)},
        status=status,
    )
