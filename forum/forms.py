from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community.models import Sanction
from forum.models import TEXT_OR_PICTURE_MESSAGE, ModerationLog, Report, WatchedWord

PICTURE_TYPES = "image/jpeg,image/png,image/webp,image/gif"


class PostForm(forms.Form):
    """The composer for updates, comments and replies. The rule lives on Post."""

    body = forms.CharField(
        label=_("Your update"),
        required=False,
        max_length=10_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=TEXT_OR_PICTURE_MESSAGE,
    )
    picture = forms.FileField(
        label=_("Picture (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": PICTURE_TYPES}),
        help_text=_("JPEG, PNG, WebP or GIF, up to 10 MB. Location data is removed."),
    )
    picture_alt = forms.CharField(
        label=_("Describe the picture for people who can't see it (optional)"),
        required=False,
        max_length=300,
    )

    def __init__(self, *args, body_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if body_label:
            self.fields["body"].label = body_label


class EditPostForm(PostForm):
    remove_picture = forms.BooleanField(label=_("Remove the picture"), required=False)


class QuestionForm(forms.Form):
    body = forms.CharField(
        label=_("Your question"),
        required=False,  # the text rule lives on Post, with its one message
        max_length=4_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Please leave out names and other details that could identify you."
        ),
    )
    # Visitors only (the template leaves it out for members).
    answer_email = forms.EmailField(
        label=_("Your email address (optional)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A field people never see; bots that fill every field give themselves away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer_email"].help_text = gettext(
            "Only to tell you once, without quoting your question, when the first "
            "answer is published. We delete it after that email, or after "
            "%(days)s days if no one has answered."
        ) % {"days": settings.FORUM_VISITOR_LINK_DAYS}

    def is_from_a_bot(self):
        return bool(self.cleaned_data.get("website"))


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, required=False, strip=True
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What's wrong?"),
        widget=forms.RadioSelect,
        choices=Report.Reason.choices,
    )
    note = forms.CharField(
        label=_("Anything moderators should know (needed for “Other”)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, at_risk_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.at_risk_only = at_risk_only
        if at_risk_only:  # a silenced member may still say someone is at risk
            self.fields["reason"].choices = [
                (Report.Reason.AT_RISK.value, Report.Reason.AT_RISK.label)
            ]
            self.fields["reason"].initial = Report.Reason.AT_RISK.value


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Measure"), choices=Sanction.Kind.choices)
    days = forms.IntegerField(
        label=_("For how many days (empty: until lifted; bans always are)"),
        required=False,
        min_value=1,
        max_value=365,
    )
    reason = forms.CharField(label=_("Reason (for the log)"), max_length=300)
    member_message = forms.CharField(
        label=_("Message the member will see"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Say what happened, how long it lasts, and that they can write "
            "to the moderators to appeal."
        ),
    )


class WatchedWordForm(forms.Form):
    phrase = forms.CharField(label=_("Word or phrase"), max_length=200)
    action = forms.ChoiceField(
        label=_("What happens"), choices=WatchedWord.Action.choices
    )
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=300)


class ModerationLogFilterForm(forms.Form):
    """The log's filters, from the query string."""

    action = forms.ChoiceField(
        required=False, choices=[("", _("All actions")), *ModerationLog.Action.choices]
    )
    member = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    actor = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
