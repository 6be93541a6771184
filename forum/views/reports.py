"""Reporting a post to the moderators."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community.decorators import members_only
from forum import moderation, support
from forum.forms import ReportForm
from forum.models import Report
from forum.permissions import can_report
from forum.views.common import _attempt, _visible_post
from forum.visibility import Viewer


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
                    _(
                        "Thank you. A moderator will look at it. The author isn't "
                        "told who reported."
                    ),
                )
                return redirect(post)
    return render(
        request,
        "forum/post_report.html",
        {"post": post, "form": form, "shown": Viewer.of(request.user).card_view(post)},
        status=status,
    )
