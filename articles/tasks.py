"""Daily work for the medical review schedule (see README: `find_reviews_due`)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from articles import caching
from articles.models import Article
from community.models import User
from community.permissions import can_edit_articles, can_review_medically

EDITORIAL_PERMISSIONS = ["edit_articles", "review_medical_content"]


@task
def find_reviews_due() -> list[str]:
    """Published articles whose scheduled medical review date has come.

    Their cached pages go stale, so readers see "Review due since …" at once, and
    editors and reviewers get one email listing them (every day until re-reviewed;
    the editorial page lists them too). Returns their slugs.
    """
    due = list(
        Article.objects.review_due()
        .select_related("live_revision")
        .order_by("next_review_due", "id")
    )
    caching.touch_article(*(article.slug for article in due))
    if due:
        _tell_editorial_staff(due)
    return [article.slug for article in due]


def _tell_editorial_staff(due):
    candidates = User.objects.filter(
        Q(groups__permissions__codename__in=EDITORIAL_PERMISSIONS)
        | Q(user_permissions__codename__in=EDITORIAL_PERMISSIONS)
        | Q(is_superuser=True),
        is_active=True,
    ).distinct()
    recipients = [
        user.email
        for user in candidates
        if can_edit_articles(user) or can_review_medically(user)
    ]
    lines = [
        _("- %(title)s (due since %(day)s)")
        % {
            "title": article.live_revision.title,
            "day": date_format(
                article.next_review_due, pgettext("long date format", "F j, Y")
            ),
        }
        for article in due
    ]
    editorial = settings.SITE_URL + reverse("articles:editorial_dashboard")
    send_mail(
        subject=_("Articles due for medical review: %(count)s") % {"count": len(due)},
        message=_("These articles are due for their scheduled medical review:")
        + "\n\n"
        + "\n".join(lines)
        + "\n\n"
        + _("Editorial: %(url)s") % {"url": editorial}
        + "\n",
        from_email=None,
        recipient_list=recipients,
    )
