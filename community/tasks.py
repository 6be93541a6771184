"""Work that leaves the request: email, and finishing account deletions
(see TASKS in settings)."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_email_message(
    *, subject: str, body: str, to: list[str], from_email: str, html: str = ""
) -> None:
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@task
def build_data_export(export_id: int) -> str:
    """Make a member's "Download my data" zip, then email them the link."""
    from community import data_export

    export = data_export.claim(export_id)
    if export is None:
        return "already claimed"
    try:
        data_export.build(export)
    except Exception:
        data_export.fail(export)
        raise
    data_export.send_ready_email(export)
    return "ready"


@task
def delete_expired_exports() -> int:
    """Daily (`manage.py delete_expired_exports`): expired zips leave the storage."""
    from community import data_export

    return data_export.retire_expired()


@task
def finish_account_deletions() -> list[str]:
    """Carry out the account deletions whose grace period is over (see README).

    Returns their pseudonyms: the task's result never names anyone."""
    from community.account_deletion import finish_due_deletions

    return finish_due_deletions()


@task
def back_up() -> str:
    """A backup archive into BACKUP_DIR, then the retention rule (README "Backups").

    Returns the archive's name only: where backups live is the operator's."""
    from pathlib import Path

    from django.conf import settings

    from community.backups import encryption, retention, service

    path = service.create_backup(
        Path(settings.BACKUP_DIR),
        passphrase=encryption.passphrase_from_environment(),
    )
    retention.prune(
        path.parent,
        daily=settings.BACKUP_KEEP_DAILY,
        weekly=settings.BACKUP_KEEP_WEEKLY,
    )
    return path.name
