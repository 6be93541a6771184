from django.core.management.base import BaseCommand, CommandError

from community.models import User
from community.permissions import revoke_staff


class Command(BaseCommand):
    help = (
        "Take every staff power from a person (moderator, medical reviewer, "
        "editor, admin) and sign them out everywhere, in one transaction. They "
        "stay a member. --remove-two-factor also deletes their authenticator "
        "devices and recovery codes (a compromised account)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The email address they sign in with.")
        parser.add_argument(
            "--remove-two-factor",
            action="store_true",
            help="Also delete their authenticator app and recovery codes.",
        )

    def handle(self, *args, email, remove_two_factor, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account signs in with {email!r}.")
        revoked = revoke_staff(user, remove_two_factor=remove_two_factor)
        roles = ", ".join(revoked.roles_removed) or "none"
        self.stdout.write(
            f"Member #{user.pk}: staff roles removed: {roles}; admin access "
            f"{'removed' if revoked.admin_flags_removed else 'none'}; "
            f"two-factor devices removed: {revoked.two_factor_devices_removed}; "
            "every session ended."
        )
        self.stdout.write(
            f"Next: read what they did at /moderation/log/?actor={user.pk} "
            "(signed in as another moderator)."
        )
