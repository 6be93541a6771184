"""Fragments the same for everyone are rendered once per process
(community/fragments.py), and nothing per person or per request comes from that memo."""

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.template import TemplateSyntaxError, engines
from django.urls import set_script_prefix
from django.utils import translation


def render(source, **values):
    return engines["django"].from_string("{% load community %}" + source).render(values)


class NoteForm(forms.Form):
    body = forms.CharField(label="Your note", max_length=50)

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["body"].label = label


FIELDS = '{% form_fields form "components/field.html" %}'


def test_a_fragment_sees_only_its_named_values():
    source = (
        "{% once_per_language shown=a %}{{ shown }}/{{ b }}{% endonce_per_language %}"
    )
    template = engines["django"].from_string("{% load community %}" + source)
    assert template.render({"a": "one", "b": "secret"}) == "one/"
    assert template.render({"a": "two", "b": "secret"}) == "two/"


def test_a_fragment_follows_the_language():
    source = (
        '{% load i18n %}{% once_per_language %}{% translate "Home" %}'
        "{% endonce_per_language %}"
    )
    template = engines["django"].from_string("{% load community %}" + source)
    with translation.override("en"):
        assert template.render({}) == "Home"
    with translation.override("es"):
        assert template.render({}) == "Inicio"


@pytest.mark.parametrize("inner", ["{% csrf_token %}", "{% block x %}{% endblock %}"])
def test_a_fragment_cannot_hold_a_csrf_token_or_a_block(inner):
    with pytest.raises(TemplateSyntaxError):
        render("{% once_per_language %}" + inner + "{% endonce_per_language %}")


def test_a_fragment_follows_the_url_prefix():
    template = engines["django"].from_string(
        "{% load community %}{% once_per_language %}{% url 'community:help' %}"
        "{% endonce_per_language %}"
    )
    assert template.render({}) == "/help/"
    set_script_prefix("/forum/")
    try:
        assert template.render({}) == "/forum/help/"
    finally:
        set_script_prefix("/")


def test_unbound_fields_render_as_the_include_loop_does():
    loop = (
        '{% for field in form %}{% include "components/field.html" with field=field '
        "only %}{% endfor %}"
    )
    for make in (
        NoteForm,
        lambda: NoteForm(label="Another label"),
        lambda: NoteForm(prefix="p"),
    ):
        assert render(FIELDS, form=make()) == render(loop, form=make())


def test_each_label_gets_its_own_rendering():
    render(FIELDS, form=NoteForm())
    assert "Another label" in render(FIELDS, form=NoteForm(label="Another label"))
    assert "Your note" in render(FIELDS, form=NoteForm())


def test_a_rejected_form_keeps_what_was_typed_and_shows_its_errors():
    render(FIELDS, form=NoteForm())  # an empty form first, memoised
    rejected = NoteForm({"body": "typed <b>" + "x" * 60})
    assert not rejected.is_valid()
    html = render(FIELDS, form=rejected)
    assert "typed &lt;b&gt;" in html
    assert 'class="errors"' in html
    assert "typed" not in render(FIELDS, form=NoteForm())


def test_initial_values_are_never_memoised():
    assert "first draft" in render(
        FIELDS, form=NoteForm(initial={"body": "first draft"})
    )
    assert "second draft" in render(
        FIELDS, form=NoteForm(initial={"body": "second draft"})
    )


class PollForm(forms.Form):
    option = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = choices


def test_each_set_of_choices_gets_its_own_rendering():
    first = render(FIELDS, form=PollForm(choices=[(1, "Yes"), (2, "No")]))
    second = render(FIELDS, form=PollForm(choices=[(3, "Often"), (4, "Rarely")]))
    assert "Often" in second
    assert "Yes" not in second
    assert render(FIELDS, form=PollForm(choices=[(1, "Yes"), (2, "No")])) == first


def test_memoised_choices_render_as_the_include_loop_does():
    loop = (
        '{% for field in form %}{% include "components/field.html" with field=field '
        "only %}{% endfor %}"
    )
    make = lambda: PollForm(choices=[(1, "Yes"), (2, "No")])  # noqa: E731
    render(FIELDS, form=make())
    assert render(FIELDS, form=make()) == render(loop, form=make())


def test_choices_from_a_query_are_never_memoised(db):
    class GroupForm(forms.Form):
        group = forms.ModelChoiceField(queryset=Group.objects.order_by("name"))

    render(FIELDS, form=GroupForm())
    Group.objects.create(name="Added since")
    assert "Added since" in render(FIELDS, form=GroupForm())
