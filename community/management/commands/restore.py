from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from community.backups import encryption, service
from community.backups.archive import ArchiveError
from community.backups.database import DatabaseError
from community.backups.encryption import DecryptionError


class Command(BaseCommand):
    help = (
        "Restore a backup archive into the configured database and media storage, "
        "which must be empty unless --force. Verifies every file's checksum and, "
        "afterwards, the row count of every table."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive `manage.py backup` wrote.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the data already in the database and media storage.",
        )

    def handle(self, *args, **options):
        try:
            manifest = service.restore_backup(
                Path(options["archive"]),
                force=options["force"],
                passphrase=encryption.passphrase_from_environment(),
                log=self.stdout.write,
            )
        except (
            ArchiveError,
            DatabaseError,
            DecryptionError,
            service.RestoreRefused,
            service.VerificationFailed,
            OSError,
        ) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the backup made {manifest['created_at']} "
            f"(code version {manifest['code_version']})."
        )
