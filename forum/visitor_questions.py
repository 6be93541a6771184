"""A visitor's private way back to their own question and its answers.

Visitors have no account, so the page that received their question gives them a
private link: the question's id signed with the secret key and the time it was
made (django.core.signing), unguessable and good for FORUM_VISITOR_LINK_DAYS.
It shows that question only, in whatever state moderation left it, and the answers
every member may read (forum/visibility.py decides which).

A visitor may also leave an email address: when the first answer is published the
task worker sends one discreet email with a fresh link, then deletes the address.
An address nobody used is deleted once a link made with it would have expired.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from forum import tasks
from forum.models import Post, VisitorAnswerAddress

SALT = "forum.visitor-question"


def link_lifetime() -> timedelta:
    return timedelta(days=settings.FORUM_VISITOR_LINK_DAYS)


def private_token(question: Post) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object(question.pk)


def private_path(question: Post) -> str:
    return reverse("forum:visitor_question", args=[private_token(question)])


def question_for_token(token: str) -> Post | None:
    """The visitor's question a link names, or None for a wrong or expired one."""
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=link_lifetime()
        )
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    if not isinstance(pk, int):
        return None
    return Post.objects.filter(
        pk=pk, kind=Post.Kind.QUESTION, author__isnull=True, depth=0
    ).first()


def remember_address(question: Post, email: str, *, language: str) -> None:
    """Keep `email` until the first answer's email is sent (or the link expires)."""
    forget_expired_addresses()
    if email:
        VisitorAnswerAddress.objects.create(
            question=question, email=email, language=language
        )


def forget_expired_addresses() -> int:
    cutoff = timezone.now() - link_lifetime()
    deleted, _ = VisitorAnswerAddress.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def answer_published(answer: Post, question: Post) -> None:
    """Called whenever a reply in `question`'s thread becomes readable; the worker
    emails a waiting visitor, once (forum.tasks.send_first_answer_email)."""
    if not question.is_visitor_question or answer.depth == 0:
        return
    if VisitorAnswerAddress.objects.filter(question_id=question.pk).exists():
        transaction.on_commit(
            lambda: tasks.send_first_answer_email.enqueue(question.pk)
        )
