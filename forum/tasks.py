"""Work that leaves the request: email summaries and notices.

Runs through Django's tasks framework, so a slow or failing mail server never
slows or fails posting once a queued backend is configured (see README).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community.emails import absolute_url, email_context
from community.languages import written_for
from community.models import Sanction
from forum import digests, visibility, visitor_questions
from forum.models import VisitorAnswerAddress


@task
def send_email_digests() -> int:
    """The hourly run of the email summaries (forum/digests.py)."""
    return digests.send_due_digests()


@task
def send_moderator_notice_email(sanction_id: int) -> int:
    """Tell a member that the moderators wrote to them; the words wait on the site.

    Sent whatever the member's notification setting: like a password reset, it is
    about their account. The text itself is never in the email.
    """
    sanction = (
        Sanction.objects.filter(pk=sanction_id)
        .select_related("member__profile")
        .first()
    )
    if sanction is None or not sanction.member.is_active:
        return 0
    context = {
        **email_context(),
        "member": sanction.member,
        "notifications_url": absolute_url(reverse("forum:notifications")),
        "contact_url": absolute_url(reverse("community:contact_moderators")),
    }
    with written_for(sanction.member):
        send_mail(
            subject=_("A message about your account"),
            message=render_to_string("forum/email/moderator_notice.txt", context),
            from_email=None,
            recipient_list=[sanction.member.email],
        )
    return 1


@task
def send_first_answer_email(question_id: int) -> int:
    """Tell a visitor, once, that their question has a published answer; then
    forget their address. Neither the subject nor the body quotes the question.

    The address row is deleted in the same transaction as the sending, under a
    row lock: a second run finds nothing and sends nothing.
    """
    with transaction.atomic():
        address = (
            VisitorAnswerAddress.objects.select_for_update()
            .select_related("question")
            .filter(question_id=question_id)
            .first()
        )
        if address is None:
            return 0
        question = address.question
        if not visibility.answers_for_the_asker(question).exists():
            return 0
        with translation.override(address.language or settings.LANGUAGE_CODE):
            context = {
                **email_context(),
                "private_url": absolute_url(visitor_questions.private_path(question)),
                "expires_on": timezone.now() + visitor_questions.link_lifetime(),
            }
            send_mail(
                subject=_("There is a reply for you"),
                message=render_to_string("forum/email/visitor_answer.txt", context),
                from_email=None,
                recipient_list=[address.email],
            )
        address.delete()
    return 1
