""" "Download my data": one export at a time, made by the task worker, kept
privately for a week.

The zip holds one JSON file per registered personal-data part (community/
personal_data.py), the files those parts point to (pictures, as stored) and a
README.txt in the member's language that explains each file. Its JSON follows
community/schemas/export.schema.json. The zip lives in the media storage, which
no URL serves: only `download` below hands it out, to its member.
"""

import json
import secrets
import shutil
import tempfile
import zipfile
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community import read_only
from community.emails import absolute_url, email_context
from community.languages import written_for
from community.models import DataExport
from community.personal_data import registered_parts

EXPORT_LIFETIME = timedelta(days=7)
STUCK_AFTER = timedelta(days=1)
FOLDER = "exports"
README_NAME = "README.txt"


def request_export(member) -> DataExport:
    """Queue a new export for `member`, unless one is already open.

    The zip is made by the task worker (`build_data_export`), never here. An
    expired one still marked ready is retired first, so it doesn't block a new one.
    """
    from community.tasks import build_data_export

    retire_expired(DataExport.objects.filter(member=member))
    try:
        with transaction.atomic():
            export = DataExport.objects.create(member=member)
    except IntegrityError as refused:
        raise ValidationError(
            _("Your data is already being prepared, or is ready to download."),
            code="one_at_a_time",
        ) from refused
    transaction.on_commit(lambda: build_data_export.enqueue(export.pk))
    return export


def current_export(member) -> DataExport | None:
    """The member's open export, if any (for the page that shows its state)."""
    return DataExport.objects.open().filter(member=member).first()


def downloadable(export: DataExport, *, now=None) -> bool:
    now = now or timezone.now()
    return export.status == DataExport.Status.READY and export.expires_at > now


def claim(export_id: int) -> DataExport | None:
    """Move a pending export to running, once: a second run of the task gets None."""
    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update(of=("self",))
            .select_related("member__profile")
            .filter(pk=export_id, status=DataExport.Status.PENDING)
            .first()
        )
        if export is None:
            return None
        export.status = DataExport.Status.RUNNING
        export.save(update_fields=["status"])
    return export


def build(export: DataExport) -> DataExport:
    """Write the zip into the media storage and mark the export ready."""
    member = export.member
    with tempfile.TemporaryFile() as spool:
        with written_for(member):
            write_zip(member, spool)
        spool.seek(0)
        name = default_storage.save(
            f"{FOLDER}/{secrets.token_hex(16)}.zip", File(spool)
        )
    now = timezone.now()
    export.status = DataExport.Status.READY
    export.file_name = name
    export.ready_at = now
    export.expires_at = now + EXPORT_LIFETIME
    export.save(update_fields=["status", "file_name", "ready_at", "expires_at"])
    return export


def send_ready_email(export: DataExport) -> None:
    """A discreet subject and no word of what the site is about; the link needs
    the member signed in, so a forwarded email gives nobody their data."""
    member = export.member
    with written_for(member):
        context = {
            **email_context(),
            "member": member,
            "export_url": absolute_url(reverse("community:data_export")),
            "expires_at": export.expires_at,
        }
        send_mail(
            subject=_("Your download is ready"),
            message=render_to_string("community/email/data_export_ready.txt", context),
            from_email=None,
            recipient_list=[member.email],
        )


def fail(export: DataExport) -> None:
    """The member may ask again: a failed export no longer counts as open."""
    DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.FAILED)


def as_readable_json(rows) -> str:
    """JSON a person can read too: indented, accents as they are, ISO dates."""
    return json.dumps(rows, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder)


def export_documents(member) -> dict[str, list[dict]]:
    """Every part's rows for `member`, by the part's name (its file, without .json)."""
    return {part.name: part.export(member) for part in registered_parts()}


def stored_files(member) -> list[str]:
    names = []
    for part in registered_parts():
        if part.files is not None:
            names.extend(part.files(member))
    return list(dict.fromkeys(name for name in names if name))


def write_zip(member, target) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(README_NAME, readme_text(member))
        for name, rows in export_documents(member).items():
            archive.writestr(f"{name}.json", as_readable_json(rows))
        for stored in stored_files(member):
            if default_storage.exists(stored):
                with (
                    default_storage.open(stored, "rb") as source,
                    archive.open(stored, "w") as copy,
                ):
                    shutil.copyfileobj(source, copy)


def readme_text(member) -> str:
    files = [
        {"name": f"{part.name}.json", "description": str(part.description)}
        for part in registered_parts()
    ]
    return render_to_string(
        "community/data_export_readme.txt",
        {"member": member, "files": files, "made_at": timezone.now()},
    )


def retire_expired(exports=None, *, now=None) -> int:
    """Delete the zips of expired exports and mark them so; returns how many.

    Run daily by `manage.py delete_expired_exports`; also before a member asks
    for a new export. Exports still unmade after STUCK_AFTER count as failed.
    """
    now = now or timezone.now()
    exports = DataExport.objects.all() if exports is None else exports
    # A worker that died mid-way leaves its export open: free the member to ask again.
    exports.filter(
        status__in=[DataExport.Status.PENDING, DataExport.Status.RUNNING],
        requested_at__lte=now - STUCK_AFTER,
    ).update(status=DataExport.Status.FAILED)
    retired = 0
    for export in exports.filter(status=DataExport.Status.READY, expires_at__lte=now):
        if export.file_name:
            default_storage.delete(export.file_name)
        DataExport.objects.filter(pk=export.pk).update(
            status=DataExport.Status.EXPIRED, file_name=""
        )
        retired += 1
    return retired


def record_download(export: DataExport) -> None:
    if read_only.is_on():  # the download works; the count can miss one
        return
    DataExport.objects.filter(pk=export.pk).update(
        download_count=F("download_count") + 1
    )


def delete_exports_of(member) -> None:
    """Every export of a leaving member, zips first. Safe to run twice."""
    for export in DataExport.objects.filter(member=member).exclude(file_name=""):
        default_storage.delete(export.file_name)
    DataExport.objects.filter(member=member).delete()
