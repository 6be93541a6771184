from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class TakeawaysField(forms.CharField):
    """Key takeaways typed one per line, stored as a list."""

    widget = forms.Textarea(attrs={"rows": 5})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(str(point) for point in value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


class ArticleForm(forms.ModelForm):
    key_takeaways = TakeawaysField(
        label=_("Key takeaways"),
        required=False,
        help_text=_(
            "One per line. The first three show; the rest sit behind "
            "'View full summary'."
        ),
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "key_takeaways",
            "summary",
            "body",
            "topics",
            "disclosure",
            "sponsor",
            "shows_crisis_note",
            "language",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Unchanged when left out: most articles keep the default, English.
        self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data["language"] or self.instance.language


class PollVoteForm(forms.Form):
    option = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect, label="")

    def __init__(self, *args, question, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = [(c.pk, c.text) for c in choices]
        self.fields["option"].label = question
        self.fields["option"].error_messages["required"] = _("Please choose an answer.")


class ReviewNotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=4_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The revision the reviewer read; a newer one is refused, not signed blind.
    revision = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CorrectionForm(forms.Form):
    """A medical reviewer's urgent correction of the live text."""

    title = forms.CharField(label=_("Title"), max_length=200)
    key_takeaways = TakeawaysField(
        label=_("Key takeaways"), help_text=_("One per line."), max_length=4_000
    )
    summary = forms.CharField(
        label=_("Full summary"), widget=forms.Textarea, max_length=4_000
    )
    body = forms.CharField(
        label=_("Body"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Markdown."),
        max_length=100_000,
    )
    disclosure = forms.CharField(
        label=_("Disclosure"), required=False, widget=forms.Textarea, max_length=4_000
    )
    note = forms.CharField(
        max_length=2_000,
        label=_("What you corrected, and why"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded with your sign-off in the article's history."),
    )

    def clean(self):
        cleaned = super().clean()
        for name in ["summary", "body", "disclosure"]:
            if name in cleaned:  # browsers send \r\n; stored text uses \n
                cleaned[name] = cleaned[name].replace("\r\n", "\n")
        return cleaned
