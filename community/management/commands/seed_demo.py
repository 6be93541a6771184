from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from community.actions import start_membership
from community.models import Profile, User
from community.permissions import Role, assign_role

DEMO_PASSWORD = "demo-password-2026"

DEMO_PEOPLE = [
    # email, display name, role, credentials, bio
    ("river@example.com", "RiverStone", Role.MEMBER, "", "Two years on buprenorphine."),
    ("juniper@example.com", "Juniper", Role.MEMBER, "", "Parent, gardener, 14 months."),
    ("lantern@example.com", "QuietLantern", Role.MEMBER, "", ""),
    (
        "mod@example.com",
        "Harbor (moderator)",
        Role.MODERATOR,
        "",
        "Volunteer moderator.",
    ),
    (
        "reviewer@example.com",
        "Dana Okafor",
        Role.MEDICAL_REVIEWER,
        "PharmD",
        "Clinical pharmacist working in addiction medicine.",
    ),
    ("editor@example.com", "Sam Editor", Role.EDITOR, "", "Editor."),
]


class Command(BaseCommand):
    help = "Create demo members and content. Safe to run twice; refuses without DEBUG."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs with DEBUG on: it makes known logins."
            )
        with transaction.atomic():
            for email, name, role, credentials, bio in DEMO_PEOPLE:
                self.ensure_person(email, name, role, credentials, bio)
        self.stdout.write(self.style.SUCCESS("Demo accounts (password for all):"))
        for email, name, role, _credentials, _bio in DEMO_PEOPLE:
            self.stdout.write(f"  {email:<24} {role:<18} {name}")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")

    def ensure_person(self, email, name, role, credentials, bio):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email, DEMO_PASSWORD, display_name=name, is_staff=role != Role.MEMBER
            )
            start_membership(user)
            # Demo accounts arrive with their address already confirmed.
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        assign_role(user, role)
        Profile.objects.filter(user=user).update(credentials=credentials, bio=bio)
        return user
