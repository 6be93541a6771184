from django.core.management.base import BaseCommand, CommandError
from django.tasks import TaskResultStatus

from community.tasks import finish_account_deletions


class Command(BaseCommand):
    help = (
        "Queue the deletion of the accounts whose 7-day grace period is over. Run "
        "it from cron (hourly is plenty); a db_worker does the work (with "
        "TASKS_BACKEND=immediate it runs here). Running it twice does no harm."
    )

    def handle(self, *args, **options):
        result = finish_account_deletions.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"Accounts deleted: {len(result.return_value)}.")
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError("Finishing the account deletions failed.")
        else:
            self.stdout.write(f"Queued ({result.id}).")
