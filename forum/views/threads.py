"""Conversations and threads: reading, printing, replying, editing, reacting."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from community.decorators import members_only
from community.limits import RateLimited
from community.redirects import safe_next
from forum import actions, history, hosts, moderation, printing, threads
from forum.forms import EditPostForm, PostForm
from forum.models import Conversation
from forum.views.common import (
    _readable_post,
    _submit,
    _visible_post,
)
from forum.visibility import Viewer

# --- Conversations and threads ------------------------------------------------


def _conversation_or_404(pk):
    conversation = Conversation.objects.by_pk(pk)
    if conversation is None:
        raise Http404
    return conversation


@members_only
def conversation_detail(request, pk):
    conversation = _conversation_or_404(pk)
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
    conversation = _conversation_or_404(pk)
    if conversation.kind == Conversation.Kind.FEED:
        return redirect("forum:feed")
    hosts.with_host(conversation)  # for the link back: its address is its host's
    page = printing.printed_page(
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
        done=_("Your post is up."),
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
        request.POST or None, request.FILES or None, body_label=_("Your reply")
    )
    status = 200
    if request.method == "POST":
        reply, status = _submit(
            request,
            form,
            actions.reply_to_post,
            done=_("Your reply is posted."),
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
            done=_("Your changes are saved."),
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
        messages.success(
            request, _("Your post is deleted. Replies to it stay in place.")
        )
    return redirect(safe_next(request, post.get_absolute_url()))


@members_only
@require_POST
def post_react(request, pk):
    post = _visible_post(request, pk)
    kind, _colon, state = request.POST.get("reaction", "").partition(":")
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
        messages.success(request, _("You'll be notified about new replies."))
    else:
        actions.unfollow_thread(post, member=request.user)
        messages.success(request, _("You won't be notified about new replies here."))
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
