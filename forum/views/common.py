"""Helpers shared by the members' pages: run an action for a form, find a post."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from community.limits import RateLimited
from forum import actions, support
from forum.models import Post, Status

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
            _(
                "Thanks! Your post is waiting for a moderator's review. You can see "
                "it, marked “Waiting for review”; others will once it's approved."
            ),
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
