"""HTML that is the same for everyone, rendered once per process.

Every page repeats the header, menu, footer and crisis lines, and most pages an
empty composer: dozens of `{% url %}`, `{% translate %}` and widget templates that
give the same HTML for every request in a language. A fragment here is rendered the
first time its key is met and then reused; the key holds everything its HTML
depends on, and nothing else can reach it:

- `{% once_per_language name=value … %}` renders its contents with only the named
  values (like `{% include … only %}`), keyed by them and the language;
- `{% form_fields form "template" %}` memoises the fields of an unbound form with no
  initial data, keyed by how each field is set up (a poll's choices included);
  bound forms (what someone typed, their errors) always render afresh.

Memos live on template nodes, so an edited template (a new node) starts afresh, and
they are forgotten when settings change (tests).
"""

import weakref

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Node, TemplateSyntaxError
from django.template.base import token_kwargs
from django.template.defaulttags import CsrfTokenNode
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix, get_urlconf
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language

# A bound on keys per node, so a key holding per-request values by mistake costs
# renders, never memory. A full memo starts over: values that change (an
# article's next version) take the place of those no page asks for any more.
MEMO_LIMIT = 64

_memos = weakref.WeakSet()


class Memo:
    """Rendered HTML by key."""

    def __init__(self):
        self.html = {}

    def get(self, key):
        return self.html.get(key)

    def remember(self, key, html):
        if len(self.html) >= MEMO_LIMIT:
            self.html.clear()
        self.html[key] = html
        return html

    def clear(self):
        self.html.clear()


def new_memo():
    memo = Memo()
    _memos.add(memo)
    return memo


@receiver(setting_changed)
def forget_rendered_fragments(**kwargs):
    for memo in list(_memos):
        memo.clear()


def rendering_key(context):
    """What any fragment's HTML may depend on besides its own values: language,
    URL prefix and urlconf (for `{% url %}`), escaping."""
    return (get_language(), get_script_prefix(), get_urlconf(), context.autoescape)


class OncePerLanguageNode(Node):
    # Not searched for `{% block %}` on every render: there are none inside.
    child_nodelists = ()

    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values
        self.memo = new_memo()

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.values.items()}
        key = (rendering_key(context), *sorted(values.items()))
        try:
            html = self.memo.get(key)
        except TypeError:  # an unhashable value: rendered every time
            return self.nodelist.render(context.new(values))
        if html is None:
            html = self.memo.remember(key, self.nodelist.render(context.new(values)))
        return html


def once_per_language(parser, token):
    bits = token.split_contents()[1:]
    values = token_kwargs(bits, parser, support_legacy=False)
    if bits:
        raise TemplateSyntaxError(
            f"once_per_language takes only name=value arguments, got {bits!r}."
        )
    nodelist = parser.parse(("endonce_per_language",))
    parser.delete_first_token()
    # A block would be overridden per page, a CSRF token is per person.
    if nodelist.get_nodes_by_type(BlockNode) or nodelist.get_nodes_by_type(
        CsrfTokenNode
    ):
        raise TemplateSyntaxError(
            "once_per_language cannot hold {% block %} or {% csrf_token %}."
        )
    return OncePerLanguageNode(nodelist, values)


def _frozen(value):
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return tuple(sorted((name, _frozen(item)) for name, item in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    return value


def _field_setup(name, field):
    """A field's part of the key: what BoundField rendering reads from it."""
    return (
        name,
        type(field),
        str(field.label),
        str(field.help_text),
        field.required,
        field.disabled,
        field.initial,
        field.show_hidden_initial,
        field.localize,
        _frozen(getattr(field, "choices", None)),
        _frozen(field.widget_attrs(field.widget)),
        type(field.widget),
        _frozen(vars(field.widget)),
    )


def _fixed_choices(field):
    """No choices, or a plain list of them (a poll's options): not a queryset or a
    callable, which may give other choices on each request."""
    return not hasattr(field, "choices") or isinstance(field.choices, list)


def unbound_form_key(form):
    """The key of an unbound form's rendered fields, or None when they may hold
    anything per request: data, initial values, callables, choices from a query."""
    if form.is_bound or form.initial:
        return None
    for field in form.fields.values():
        if callable(field.initial) or not _fixed_choices(field):
            return None
    key = (
        type(form),
        form.prefix,
        form.auto_id,
        form.use_required_attribute,
        type(form.renderer),
        *(_field_setup(name, field) for name, field in form.fields.items()),
    )
    try:
        hash(key)
    except TypeError:
        return None
    return key


class FormFieldsNode(Node):
    """Each field through `template`, as `{% for field in form %}{% include
    template with field=field only %}{% endfor %}` would."""

    def __init__(self, form, template_name):
        self.form = form
        self.template_name = template_name
        self.memo = new_memo()

    def render(self, context):
        form = self.form.resolve(context)
        form_key = unbound_form_key(form)
        key = None if form_key is None else (rendering_key(context), form_key)
        html = None if key is None else self.memo.get(key)
        if html is not None:
            return html
        template = context.template.engine.get_template(
            self.template_name.resolve(context)
        )
        html = SafeString(
            "".join(template.render(context.new({"field": field})) for field in form)
        )
        return html if key is None else self.memo.remember(key, html)


def form_fields(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise TemplateSyntaxError("Usage: {% form_fields form 'field template' %}")
    form, template_name = (parser.compile_filter(bit) for bit in bits[1:])
    return FormFieldsNode(form, template_name)
