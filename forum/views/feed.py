"""The community feed and posting an update."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community.decorators import members_only
from forum import actions, threads
from forum.forms import PostForm
from forum.models import Conversation
from forum.views.common import _submit

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
        done=_("Your update is posted."),
        author=request.user,
    )
    if status:
        return _feed(request, form, status=status)
    return redirect(post)
