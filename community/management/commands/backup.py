from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from community.backups import encryption, retention, service
from community.backups.database import DatabaseError


class Command(BaseCommand):
    help = (
        "Write one backup archive: a consistent database dump, every file in the "
        "media storage and a manifest. Encrypted when BACKUP_PASSPHRASE is set."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(settings.BACKUP_DIR),
            help="Folder for the archive (default: BACKUP_DIR).",
        )
        parser.add_argument(
            "--no-gzip", action="store_true", help="A plain tar, not compressed."
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Afterwards delete archives the retention rule does not keep "
            "(BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY).",
        )

    def handle(self, *args, **options):
        output = Path(options["output"])
        try:
            path = service.create_backup(
                output,
                gzip=not options["no_gzip"],
                passphrase=encryption.passphrase_from_environment(),
            )
        except (DatabaseError, OSError) as error:
            raise CommandError(f"The backup failed: {error}") from error
        self.stdout.write(f"Wrote {path}")
        if options["prune"]:
            for deleted in retention.prune(
                output,
                daily=settings.BACKUP_KEEP_DAILY,
                weekly=settings.BACKUP_KEEP_WEEKLY,
            ):
                self.stdout.write(f"Deleted {deleted}")
