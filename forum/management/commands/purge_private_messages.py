from django.core.management.base import BaseCommand

from forum.message_retention import purge_private_messages


class Command(BaseCommand):
    help = (
        "Erase for good the private conversations every participant has deleted "
        "(after the report-retention period if a report is open). Run daily from cron."
    )

    def handle(self, *args, **options):
        purged = purge_private_messages()
        self.stdout.write(f"Private conversations erased: {purged}.")
