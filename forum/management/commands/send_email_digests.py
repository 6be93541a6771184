from django.core.management.base import BaseCommand, CommandError
from django.tasks import TaskResultStatus

from forum.tasks import send_email_digests


class Command(BaseCommand):
    help = (
        "Queue the run that emails members their daily or weekly summary. Run it "
        "from cron every hour; a db_worker does the work (with "
        "TASKS_BACKEND=immediate it runs here). Safe to overlap."
    )

    def handle(self, *args, **options):
        result = send_email_digests.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"Summaries sent: {result.return_value}.")
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError("Some summaries could not be sent; they stay due.")
        else:
            self.stdout.write(f"Queued ({result.id}).")
