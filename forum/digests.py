"""The email summary: one discreet email a day or a week, not one per notification.

A member chooses on their profile (community.models.Profile.EmailDigest). An hourly
run (`manage.py send_email_digests`, which queues the task of that name) emails each
member who is due and has unread notifications newer than their last summary. The
summary counts what is new and links to it; the text of posts only for members who
asked for it. It is written in the member's language and carries a one-click
unsubscribe (community/email_unsubscribe.py).

Runs may overlap (a slow mail server, two cron hosts). Each batch of due members is
claimed in one short transaction, rows locked with SKIP LOCKED and stamped with the
run's time, so a concurrent run skips them and finds them no longer due; the email
goes out after the claim. A summary that fails to send gives its claim back, so the
next run tries again. Queries are constant per batch of members.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from functools import reduce
from operator import or_

from allauth.account.models import EmailAddress
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Case, DateTimeField, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.email_unsubscribe import unsubscribe_headers, unsubscribe_url
from community.emails import absolute_url, email_context, sender_address
from community.languages import written_for
from community.models import Profile, Sanction
from forum import visibility
from forum.models import Notification

PERIODS = {
    Profile.EmailDigest.DAILY: timedelta(days=1),
    Profile.EmailDigest.WEEKLY: timedelta(days=7),
}
# Runs come hourly and take a moment: a summary sent at 09:00:03 is due again at
# the 09:00:01 run the next day, not an hour later.
SLACK = timedelta(minutes=10)
BATCH_SIZE = 200
POSTS_LISTED = 10  # links (and texts, for members who chose them) in one summary
TEXT_CHARACTERS = 600
# Only replies carry someone's words worth quoting; a moderation notice never does.
KINDS_WITH_TEXT = {Notification.Kind.REPLY, Notification.Kind.FOLLOWED_REPLY}

NEWS_PHRASES = {
    Notification.Kind.REPLY: lambda n: ngettext(
        "%(count)d reply to your posts", "%(count)d replies to your posts", n
    ),
    Notification.Kind.FOLLOWED_REPLY: lambda n: ngettext(
        "%(count)d reply in conversations you follow",
        "%(count)d replies in conversations you follow",
        n,
    ),
    Notification.Kind.REACTION: lambda n: ngettext(
        "%(count)d reaction to your posts", "%(count)d reactions to your posts", n
    ),
    Notification.Kind.MODERATION: lambda n: ngettext(
        "%(count)d note from the moderators about your posts",
        "%(count)d notes from the moderators about your posts",
        n,
    ),
}


class DigestsNotSent(Exception):
    """Some summaries failed to send; their members stay due for the next run."""


@dataclass
class Digest:
    profile: Profile
    window_start: object
    notifications: list = field(default_factory=list)


def send_due_digests(*, now=None) -> int:
    """Email every member who is due a summary; returns how many were sent."""
    now = now or timezone.now()
    sent, failed, after_pk = 0, 0, 0
    while batch := _claim_batch(now, after_pk):
        after_pk = max(digest.profile.pk for digest in batch)
        _collect_notifications(batch, now)
        for digest in batch:
            if _send(digest, now):
                sent += 1
            else:
                failed += 1
    if failed:
        raise DigestsNotSent(f"{failed} summaries failed; {sent} sent.")
    return sent


def due_profiles(now):
    """Members due a summary now, with something unread since their last one."""
    window_start = Case(
        *(
            When(
                email_digest=choice,
                then=Coalesce(F("last_digest_at"), Value(now - period)),
            )
            for choice, period in PERIODS.items()
        ),
        output_field=DateTimeField(),
    )
    period_passed = Q(last_digest_at__isnull=True) | reduce(
        or_,
        (
            Q(email_digest=choice, last_digest_at__lte=now - period + SLACK)
            for choice, period in PERIODS.items()
        ),
    )
    something_new = Notification.objects.filter(
        recipient=OuterRef("user"),
        read_at__isnull=True,
        created_at__gt=OuterRef("window_start"),
        created_at__lte=now,
    )
    return (
        Profile.objects.filter(email_digest__in=PERIODS)
        .filter(period_passed, _may_be_emailed(now))
        .annotate(window_start=window_start)
        .filter(Exists(something_new))
    )


def _may_be_emailed(now) -> Q:
    """Active accounts, not suspended or banned, at an address they confirmed."""
    shut_out = Sanction.objects.active(at=now).filter(
        member=OuterRef("user"),
        kind__in=[Sanction.Kind.SUSPENSION, Sanction.Kind.BAN],
    )
    confirmed = EmailAddress.objects.filter(
        user=OuterRef("user"), email__iexact=OuterRef("user__email"), verified=True
    )
    return Q(user__is_active=True) & ~Exists(shut_out) & Exists(confirmed)


def _claim_batch(now, after_pk) -> list[Digest]:
    with transaction.atomic():
        profiles = list(
            due_profiles(now)
            .filter(pk__gt=after_pk)
            .select_related("user")
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")[:BATCH_SIZE]
        )
        Profile.objects.filter(pk__in=[p.pk for p in profiles]).update(
            last_digest_at=now
        )
    return [Digest(profile, profile.window_start) for profile in profiles]


def _collect_notifications(batch: list[Digest], now) -> None:
    by_member = {digest.profile.user_id: digest for digest in batch}
    notifications = (
        Notification.objects.filter(
            recipient_id__in=by_member,
            read_at__isnull=True,
            created_at__gt=min(digest.window_start for digest in batch),
            created_at__lte=now,
        )
        .select_related("post")
        .order_by("-created_at", "-id")
    )
    for notification in notifications:
        digest = by_member[notification.recipient_id]
        if notification.created_at > digest.window_start:
            digest.notifications.append(notification)


def _send(digest: Digest, now) -> bool:
    """Email one summary; on failure give the claim back (the next run retries)."""
    member = digest.profile.user
    try:
        with written_for(member):
            message = compose(digest)
        message.send()
    except Exception:
        Profile.objects.filter(pk=digest.profile.pk, last_digest_at=now).update(
            last_digest_at=digest.profile.last_digest_at
        )
        return False
    return True


def compose(digest: Digest) -> EmailMessage:
    """The summary, in the active language (the caller picks the member's)."""
    profile, member = digest.profile, digest.profile.user
    weekly = profile.email_digest == Profile.EmailDigest.WEEKLY
    context = {
        **email_context(),
        "member": member,
        "weekly": weekly,
        "news": _news_lines(digest.notifications),
        "posts": _posts(
            digest.notifications, with_text=profile.digest_includes_post_text
        ),
        "notifications_url": absolute_url(reverse("forum:notifications")),
        "profile_url": absolute_url(reverse("community:profile_edit")),
        "unsubscribe_url": unsubscribe_url(member),
    }
    return EmailMessage(
        subject=_("Your weekly summary") if weekly else _("Your daily summary"),
        body=render_to_string("forum/email/digest.txt", context),
        from_email=sender_address(),
        to=[member.email],
        headers=unsubscribe_headers(member),
    )


def _news_lines(notifications) -> list[str]:
    """One line per kind of news, e.g. "3 replies to your posts"."""
    counts = Counter(notification.kind for notification in notifications)
    lines = []
    for kind, phrase in NEWS_PHRASES.items():
        if count := counts.pop(kind, 0):
            lines.append(phrase(count) % {"count": count})
    if other := sum(counts.values()):
        lines.append(
            ngettext(
                "%(count)d other notification", "%(count)d other notifications", other
            )
            % {"count": other}
        )
    return lines


def _posts(notifications, *, with_text: bool) -> list[dict]:
    """The posts the news is about, newest first, each once; text only if chosen
    and only what every member may read."""
    posts, seen = [], set()
    for notification in notifications:
        if notification.post_id in seen or len(posts) == POSTS_LISTED:
            continue
        seen.add(notification.post_id)
        post = notification.post
        quotable = (
            with_text
            and notification.kind in KINDS_WITH_TEXT
            and post.status in visibility.READABLE_BY_MEMBERS
        )
        posts.append(
            {
                "url": absolute_url(post.get_absolute_url()),
                "text": _shortened(post.body) if quotable else "",
            }
        )
    return posts


def _shortened(text: str) -> str:
    text = text.strip()
    if len(text) <= TEXT_CHARACTERS:
        return text
    return text[: TEXT_CHARACTERS - 1].rstrip() + "…"
