from django import forms

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
        label="Key takeaways",
        required=False,
        help_text="One per line. The first three show; the rest sit behind "
        "'View full summary'.",
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
        ]


class PollVoteForm(forms.Form):
    option = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect, label="")

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = [(o.pk, o.text) for o in poll.options.all()]
        self.fields["option"].label = poll.question
        self.fields["option"].error_messages["required"] = "Please choose an answer."


class ReviewNotesForm(forms.Form):
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=4_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
