"""Kept markup is gzipped once and spliced into each response that holds it
(community/deflate_once.py): what the browser unpacks is the page, byte for byte."""

import gzip
import hashlib
import zlib

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from community import deflate_once
from community.deflate_once import GZipMiddleware, KeptMarkup

SLOT = "\x00csrf\x00"
TOKEN = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'


def token(seed):
    """A CSRF field; its 64 characters look as random as a masked token's."""
    return TOKEN.format(hashlib.sha256(seed.encode()).hexdigest())


def cards(count, words="Day one. Called my sponsor, then a meeting."):
    return "".join(
        f'<article id="post-{n}"><p>{words} ({n})</p><form>{SLOT}'
        f'<button name="reaction" value="hug:on">Hug</button></form></article>'
        for n in range(count)
    )


def respond(markups_and_fillers, *, accept="gzip, deflate, br", etag=None):
    """A response whose body holds each markup filled, through the middleware."""

    def view(request):
        response = HttpResponse(
            page(
                [(markup.filled(filler), "") for markup, filler in markups_and_fillers]
            )
        )
        if etag:
            response["ETag"] = etag
        return response

    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept)
    return GZipMiddleware(view)(request)


def page(texts_and_fillers):
    """The page `respond` makes, each text with its slots holding its filler."""
    parts = (
        text.replace(SLOT, filler) + "<p>between</p>"
        for text, filler in texts_and_fillers
    )
    return (
        "<html><body><h1>Steady Ground</h1>" + "".join(parts) + "</body></html>"
    ).encode()


def unpacked(response):
    assert response["Content-Encoding"] == "gzip"
    return gzip.decompress(response.content)


def spliced(response, markup, filler):
    """Whether the response carries `markup`'s stream deflated once."""
    deflated = markup.deflated(len(filler.encode()))
    return deflated is not None and deflated.head in response.content


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(cards(200), id="a page of cards"),
        pytest.param(cards(30) + SLOT, id="a slot last"),
        pytest.param(cards(30).replace(SLOT, ""), id="no slot"),
        pytest.param(
            cards(30, words="Día uno. Llamé a mi padrino. ¡Gracias! 💙"), id="utf-8"
        ),
    ],
)
def test_a_kept_markup_served_again_is_spliced_and_unpacks_to_the_same_page(text):
    markup = KeptMarkup(text, slot=SLOT)
    first = respond([(markup, token("a"))])
    again = respond([(markup, token("b"))])

    assert unpacked(first) == page([(text, token("a"))])
    assert unpacked(again) == page([(text, token("b"))])
    assert spliced(again, markup, token("b"))


@pytest.mark.parametrize(
    ("text", "filler"),
    [
        pytest.param(SLOT + cards(3), token("a"), id="a slot first"),
        pytest.param(SLOT + SLOT + cards(3), token("a"), id="slots side by side"),
        pytest.param(cards(2, words="x" * 70_000), token("a"), id="slots 32 KB apart"),
    ],
)
def test_any_kept_markup_unpacks_to_the_same_page_spliced_or_not(text, filler):
    markup = KeptMarkup(text, slot=SLOT)
    respond([(markup, filler)])

    assert unpacked(respond([(markup, filler)])) == page([(text, filler)])


def test_each_response_carries_its_own_filler_in_every_slot():
    markup = KeptMarkup(cards(50), slot=SLOT)
    respond([(markup, token("a"))])

    page = unpacked(respond([(markup, token("q"))])).decode()

    assert page.count(token("q")) == 50
    assert token("a") not in page


def test_two_markups_in_one_response_are_both_spliced():
    texts = cards(40), "<p>A</p>" * 500
    conversation, article = KeptMarkup(texts[0], slot=SLOT), KeptMarkup(texts[1])
    respond([(conversation, token("a")), (article, "")])

    response = respond([(conversation, token("c")), (article, "")])

    assert unpacked(response) == page([(texts[0], token("c")), (texts[1], "")])
    assert spliced(response, conversation, token("c"))
    assert spliced(response, article, "")


def test_a_page_gzipped_once_is_no_bigger_than_one_gzipped_whole():
    markup = KeptMarkup(cards(213), slot=SLOT)
    respond([(markup, token("a"))])

    response = respond([(markup, token("b"))])
    padding = response.content.index(b"\x00", 10) - 10  # the random-length name
    whole = gzip.compress(unpacked(response), 6, mtime=0)

    assert spliced(response, markup, token("b"))
    # Its first filler is stored as it is: a random token hardly compresses.
    assert len(response.content) - padding <= len(whole) * 1.02 + len(token("b"))


@pytest.mark.parametrize(
    ("text", "filler"),
    [
        pytest.param(cards(3), "f" * 300, id="a filler too long to prove"),
        pytest.param(
            cards(3).replace("Day", "Day\x00"), token("a"), id="a NUL in the text"
        ),
    ],
)
def test_markup_that_cannot_be_proved_is_gzipped_whole(text, filler):
    markup = KeptMarkup(text, slot=SLOT)
    respond([(markup, filler)])

    response = respond([(markup, filler)])

    assert unpacked(response) == page([(text, filler)])
    assert not spliced(response, markup, filler)


def test_the_proof_fails_for_a_stream_that_writes_a_slot_out():
    pieces = [b"<p>one</p>", b"<p>two</p>", b"<p>three</p>"]
    deflated = deflate_once._deflate(pieces, filler_length=5)
    assert deflate_once._copies_only_the_first_slot(deflated, 5)

    # The later slot written out as the placeholder's bytes, not as a copy.
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    written_out = pieces[1] + b"\x00" * 5 + pieces[2]
    deflated.tail = compressor.compress(written_out) + compressor.flush(
        zlib.Z_SYNC_FLUSH
    )
    assert not deflate_once._copies_only_the_first_slot(deflated, 5)


def test_markup_changed_on_its_way_into_the_page_is_gzipped_whole():
    markup = KeptMarkup(cards(10), slot=SLOT)
    respond([(markup, token("a"))])

    def view(request):
        return HttpResponse(markup.filled(token("b")).upper())

    response = GZipMiddleware(view)(
        RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    )

    assert unpacked(response) == cards(10).replace(SLOT, token("b")).upper().encode()
    assert not spliced(response, markup, token("b"))


def test_a_browser_without_gzip_gets_the_page_as_it_is_and_nothing_is_noted():
    markup = KeptMarkup(cards(10), slot=SLOT)
    respond([(markup, token("a"))], accept="")

    response = respond([(markup, token("b"))], accept="identity")

    assert not response.has_header("Content-Encoding")
    assert cards(10).replace(SLOT, token("b")).encode() in response.content
    assert markup._deflated == {}


def test_headers_are_django_s_vary_length_and_a_weak_etag():
    markup = KeptMarkup(cards(30), slot=SLOT)
    respond([(markup, token("a"))])

    response = respond([(markup, token("b"))], etag='"v1"')

    assert spliced(response, markup, token("b"))
    assert "Accept-Encoding" in response["Vary"]
    assert response["Content-Length"] == str(len(response.content))
    assert response["ETag"] == 'W/"v1"'


def test_the_gzip_header_is_padded_to_a_random_length_as_django_s_is():
    markup = KeptMarkup(cards(30), slot=SLOT)
    respond([(markup, token("a"))])

    lengths = {len(respond([(markup, token("b"))]).content) for _ in range(20)}

    assert len(lengths) > 1
