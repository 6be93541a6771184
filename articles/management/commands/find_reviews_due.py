from django.core.management.base import BaseCommand, CommandError
from django.tasks import TaskResultStatus

from articles.tasks import find_reviews_due


class Command(BaseCommand):
    help = (
        "Queue the daily search for articles due for their scheduled medical "
        "review. Run it from cron once a day; a db_worker does the work (with "
        "TASKS_BACKEND=immediate it runs here)."
    )

    def handle(self, *args, **options):
        result = find_reviews_due.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"Articles due for review: {len(result.return_value)}.")
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError("Finding the articles due for review failed.")
        else:
            self.stdout.write(f"Queued ({result.id}).")
