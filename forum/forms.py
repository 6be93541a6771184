from django import forms

from forum.models import TEXT_OR_PICTURE_MESSAGE

PICTURE_TYPES = "image/jpeg,image/png,image/webp,image/gif"


class PostForm(forms.Form):
    """The composer for updates, comments and replies. The rule lives on Post."""

    body = forms.CharField(
        label="Your update",
        required=False,
        max_length=10_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=TEXT_OR_PICTURE_MESSAGE,
    )
    picture = forms.FileField(
        label="Picture (optional)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": PICTURE_TYPES}),
        help_text="JPEG, PNG, WebP or GIF, up to 10 MB. Location data is removed.",
    )
    picture_alt = forms.CharField(
        label="Describe the picture for people who can't see it (optional)",
        required=False,
        max_length=300,
    )

    def __init__(self, *args, body_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if body_label:
            self.fields["body"].label = body_label


class EditPostForm(PostForm):
    remove_picture = forms.BooleanField(label="Remove the picture", required=False)


class QuestionForm(forms.Form):
    body = forms.CharField(
        label="Your question",
        required=False,  # the text rule lives on Post, with its one message
        max_length=4_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Please leave out names and other details that could identify you.",
    )
    # A field people never see; bots that fill every field give themselves away.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_from_a_bot(self):
        return bool(self.cleaned_data.get("website"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason", max_length=500, required=False)
