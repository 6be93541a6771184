from allauth.mfa.models import Authenticator
from django import forms
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from community.models import Profile
from community.names import check_display_name
from community.permissions import has_two_factor
from community.personal_data import ErasureMode

DISPLAY_NAME_HELP = _(
    "This is how other members will see you. Choose a nickname, not your real "
    "name: it keeps your recovery your own business."
)


def clean_display_name_value(value, *, exclude_user=None):
    """The display-name rule lives in community/names.py; forms show its refusal."""
    return check_display_name(value, member=exclude_user)


class SignupForm(forms.Form):
    """Extra fields allauth adds to its sign-up form."""

    display_name = forms.CharField(
        label=_("Display name (a pseudonym)"),
        max_length=40,
        help_text=DISPLAY_NAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    is_adult = forms.BooleanField(
        label=_("I am 18 or older."),
        error_messages={"required": _("Please confirm that you are 18 or older.")},
    )
    accepts_guidelines = forms.BooleanField(
        label=_("I agree to the community guidelines."),
        # Django does not escape help_text, so the link renders as a link.
        help_text=format_lazy(
            _('<a href="{}">Read the community guidelines</a>.'),
            reverse_lazy("community:guidelines"),
        ),
        error_messages={
            "required": _("Please confirm that you agree to the community guidelines.")
        },
    )

    def clean_display_name(self):
        return clean_display_name_value(self.cleaned_data["display_name"])

    def signup(self, request, user):
        """allauth's hook; the adapter already saved everything we collect."""


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"), max_length=40, help_text=DISPLAY_NAME_HELP
    )
    bio = forms.CharField(
        label=_("Short bio (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A line or two about you. Avoid details that identify you."),
    )
    email_digest = forms.TypedChoiceField(
        label=_("Email me a summary of my notifications"),
        choices=Profile.EmailDigest.choices,
        initial=Profile.EmailDigest.NEVER,
        # A select always sends a choice; a form without it means no email.
        required=False,
        empty_value=Profile.EmailDigest.NEVER,
        help_text=_(
            "One email a day or a week at most, only when something new is "
            "waiting. Its subject line is plain and never mentions this "
            "community's topic."
        ),
    )
    digest_includes_post_text = forms.BooleanField(
        label=_("Include the text of posts in my summary"),
        required=False,
        help_text=_(
            "Off unless you turn it on. Without it, the summary only counts "
            "what is new and links to it, in case someone else reads your email."
        ),
    )

    who_may_message = forms.TypedChoiceField(
        label=_("Who may send me private messages"),
        choices=Profile.WhoMayMessage.choices,
        initial=Profile.WhoMayMessage.TALKED_WITH,
        required=False,
        empty_value=Profile.WhoMayMessage.TALKED_WITH,
        help_text=_(
            "Moderators can't read private messages unless one is held for "
            "review or you report it."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_display_name(self):
        return clean_display_name_value(
            self.cleaned_data["display_name"], exclude_user=self.user
        )


class ModeratorMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message to the moderators"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class AccountDeletionForm(forms.Form):
    """Leaving for good: who you are (password, and code), and what happens to
    what you wrote. The rules are community/account_deletion.py's."""

    mode = forms.ChoiceField(
        label=_("What happens to what you wrote"),
        choices=[
            (
                ErasureMode.KEEP_WITHOUT_NAME,
                _(
                    "Keep my posts, without my name: they stay where they are, "
                    'signed "A former member".'
                ),
            ),
            (
                ErasureMode.REMOVE_EVERYTHING,
                _(
                    'Remove everything I wrote: each post becomes "Removed by its '
                    'author", so replies to it stay readable. Pictures are deleted.'
                ),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose what happens to your posts.")},
    )
    keep_pictures = forms.BooleanField(
        label=_("Keep my pictures with my posts"),
        required=False,
        help_text=_(
            "Only if you keep your posts. Otherwise your pictures are deleted too."
        ),
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Please enter your password.")},
    )
    code = forms.CharField(
        label=_("The code from your authenticator app"),
        required=False,
        max_length=64,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if not has_two_factor(user):
            del self.fields["code"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That password isn't right. Please try again."), code="password"
            )
        return password

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code:
            raise forms.ValidationError(
                _("Please enter the code from your authenticator app."), code="code"
            )
        authenticators = Authenticator.objects.filter(
            user=self.user,
            type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES],
        )
        if not any(found.wrap().validate_code(code) for found in authenticators):
            raise forms.ValidationError(
                _("That code isn't right. Please enter the one your app shows now."),
                code="code",
            )
        return code
