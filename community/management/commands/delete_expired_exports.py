from django.core.management.base import BaseCommand, CommandError
from django.tasks import TaskResultStatus

from community.tasks import delete_expired_exports


class Command(BaseCommand):
    help = (
        "Queue the daily deletion of members' data exports older than their "
        "7 days. Run it from cron once a day; a db_worker does the work (with "
        "TASKS_BACKEND=immediate it runs here)."
    )

    def handle(self, *args, **options):
        result = delete_expired_exports.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"Expired exports deleted: {result.return_value}.")
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError("Deleting the expired exports failed.")
        else:
            self.stdout.write(f"Queued ({result.id}).")
