"""Every free-text field of the site's own forms has a length limit."""

import importlib
import inspect

from django import forms

FORM_MODULES = ["community.forms", "forum.forms", "articles.forms"]
# Edited in the admin by staff only; the model's own fields bound them there.
ADMIN_ONLY = {"ArticleForm"}


def test_every_text_field_of_every_form_has_a_max_length():
    unbounded = []
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for name, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != module_name:
                continue
            if name in ADMIN_ONLY:
                continue
            unbounded += [
                f"{name}.{field_name}"
                for field_name, field in form.base_fields.items()
                if isinstance(field, forms.CharField) and field.max_length is None
            ]
    assert unbounded == []
