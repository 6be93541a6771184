"""A member's notifications."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from community.decorators import members_only
from community.models import Sanction
from forum import actions
from forum.models import Notification

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
