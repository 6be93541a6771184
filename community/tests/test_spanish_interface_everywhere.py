"""Someone reading Spanish sees no English interface text on any page.

Walks every page of the crisis-banner walk twice, as a visitor, a member, a
moderator, an editor and a medical reviewer (staff signed in with their second
factor), once with the browser asking for English and once for Spanish, and
compares the visible text:
text nodes and the attributes people read (aria-label, title, placeholder, alt,
meta description). A piece of text that is identical in both languages and made of
English words is an untranslated interface string, unless it is content:

- anything inside an element with its own `lang` (content containers such as
  article bodies carry their language; the Spanish 988 line is `lang="es"` on
  English pages too) or `translate="no"` (names);
- any text that appears in the database's own text (posts, articles, names, the
  samples the walk creates): demo content is English and stays English.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from community.tests.urlwalk import page_urls

pytestmark = pytest.mark.django_db

READ_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
NOT_SHOWN = {"script", "style", "template", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID |= {"source", "track", "wbr"}
# Names and words that read the same in both languages.
SAME_IN_BOTH = {"988", "PharmD", "Editorial", "No", "Total", "Error", "OK", "RSS"}
SAME_IN_BOTH |= {"FindTreatment", "gov"}
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")
SEPARATOR = re.compile(r"[·|•,]")


class VisibleText(HTMLParser):
    """Text a person reads, minus script/style and content marked as English."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.open = []  # (tag, hides its text)

    def _hidden(self):
        return any(hides for _, hides in self.open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hides = (
            tag in NOT_SHOWN
            or (tag != "html" and bool(attrs.get("lang")))
            or attrs.get("translate") == "no"
        )
        if not (hides or self._hidden()):
            self.texts += [attrs[name] for name in READ_ATTRIBUTES if attrs.get(name)]
            if tag == "meta" and attrs.get("name") == "description":
                self.texts.append(attrs.get("content") or "")
        if tag not in VOID:
            self.open.append((tag, hides))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        if not self._hidden():
            self.texts.append(data)


def visible_texts(html):
    parser = VisibleText()
    parser.feed(html)
    return {" ".join(text.split()) for text in parser.texts} - {""}


def content_in_the_database():
    """Every text value people wrote or the samples made, as one searchable string."""
    found = [settings.SITE_NAME]
    for model in apps.get_models():
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
            and not field.choices
        ]
        if fields:
            for row in model.objects.values_list(*fields):
                found += [str(value) for value in row if value]
        # Lists people wrote (an article's key takeaways) are content too.
        for field in model._meta.concrete_fields:
            if isinstance(field, models.JSONField):
                for value in model.objects.values_list(field.attname, flat=True):
                    if isinstance(value, list):
                        found += [str(item) for item in value]
    return " ".join(" ".join(found).split())


def is_english_interface(text, content):
    """English words outside content; "Title · Site" is split at its separators."""
    for fragment in SEPARATOR.split(text.replace(settings.SITE_NAME, " ")):
        if fragment.strip() in content:
            continue
        if any(word not in SAME_IN_BOTH for word in WORD.findall(fragment)):
            return True
    return False


def page_in(client, url, language):
    response = client.get(url, follow=True, HTTP_ACCEPT_LANGUAGE=language)
    if response.status_code == 405:
        return None, None
    if not response.get("Content-Type", "").startswith("text/html"):
        return None, None
    final = response.redirect_chain[-1][0] if response.redirect_chain else url
    return urlsplit(final).path, response.content.decode()


ROLES = ["visitor", "member", "moderator", "editor", "medical_reviewer"]


@pytest.mark.parametrize("role", ROLES)
def test_someone_reading_spanish_sees_no_english_interface_text(
    request, client, sample_activity, role
):
    url_samples = sample_activity
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    content = content_in_the_database()
    untranslated = {}
    for name, url in page_urls(url_samples):
        final, english = page_in(client, url, "en")
        if english is None or final in untranslated:
            continue
        _, spanish = page_in(client, url, "es")
        assert '<html lang="es"' in spanish, f"{name} ({url}) is not in Spanish"
        left = sorted(
            text
            for text in visible_texts(spanish) & visible_texts(english)
            if is_english_interface(text, content)
        )
        if left:
            untranslated[final] = left
    report = "\n".join(
        f"{page}: {len(texts)} English strings, e.g. {texts[:5]}"
        for page, texts in sorted(untranslated.items())
    )
    assert not untranslated, f"English left on Spanish pages as {role}:\n{report}"


def test_the_checker_finds_an_untranslated_string_and_spares_content():
    page = '<p>Sign in</p><div lang="en"><p>My story</p></div><p>A post</p>'
    english = f'<html lang="en"><body>{page}<p>Welcome</p></body></html>'
    spanish = f'<html lang="es"><body>{page}<p>Bienvenida</p></body></html>'
    shared = visible_texts(spanish) & visible_texts(english)
    assert shared == {"Sign in", "A post"}
    found = {text for text in shared if is_english_interface(text, "A post by Wren")}
    assert found == {"Sign in"}
    assert not is_english_interface(f"A post · {settings.SITE_NAME}", "A post")
