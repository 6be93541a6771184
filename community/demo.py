"""Demo people for `manage.py seed_demo`. Known passwords: development only."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from community.actions import start_membership
from community.models import Profile, User
from community.permissions import Role, assign_role

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - printed by make run on purpose

DEMO_PEOPLE = [
    # email, display name, role, credentials, bio
    ("river@example.com", "RiverStone", Role.MEMBER, "", "Two years on buprenorphine."),
    ("juniper@example.com", "Juniper", Role.MEMBER, "", "Parent, gardener, 14 months."),
    ("lantern@example.com", "QuietLantern", Role.MEMBER, "", ""),
    ("mod@example.com", "Harbor", Role.MODERATOR, "", "Volunteer moderator."),
    (
        "reviewer@example.com",
        "Dana Okafor",
        Role.MEDICAL_REVIEWER,
        "PharmD",
        "Clinical pharmacist working in addiction medicine.",
    ),
    ("editor@example.com", "Sam Rivera", Role.EDITOR, "", "Health editor."),
]


def person(email) -> User:
    return User.objects.get(email=email)


# Demo members have been here a while, so the tour behaves as the community would:
# their reports count (reporters must be older than FORUM_REPORTER_MIN_AGE_HOURS).
DEMO_MEMBERSHIP_AGE = timedelta(days=90)


def seed(stdout):
    joined = timezone.now() - DEMO_MEMBERSHIP_AGE
    for email, name, role, credentials, bio in DEMO_PEOPLE:
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
        User.objects.filter(pk=user.pk, date_joined__gt=joined).update(
            date_joined=joined
        )
        assign_role(user, role)
        Profile.objects.filter(user=user).update(credentials=credentials, bio=bio)
    stdout.write("Demo accounts (one password for all):")
    for email, name, role, _credentials, _bio in DEMO_PEOPLE:
        stdout.write(f"  {email:<24} {role:<18} {name}")
    stdout.write(f"  password: {DEMO_PASSWORD}")
