"""Markup served again and again, gzipped once for every response it is in.

Every browser asks for gzip, and the site's pages are big: a kept conversation page
is ~290 KB of markup that costs ~2 ms to compress at level 6 on every request,
though it is the same for every member who is served it. A `KeptMarkup` deflates
it once; the gzip middleware below compresses only the rest of the response and
splices the kept deflate stream in. The page is byte for byte what it was.

How the splice holds (RFC 1951):
- A deflate stream is a run of blocks. A sync flush ends the blocks written so
  far on a byte boundary, so streams deflated apart can be laid end to end; a
  block may refer back to any of the 32 KB before it, whoever wrote them.
- Kept markup has slots each response fills alike (a CSRF field, masked afresh
  for each response). It is deflated as one stream with every slot held by as
  many placeholder bytes (NUL, in no piece) as the filler has, and the first
  slot's blocks are dropped: each response stores its filler there. Later slots
  stay in the stream as the compressor wrote them, as copies of the first; that
  they decode to the filler whatever it is, is proved once per markup
  (`_copies_only_the_first_slot`), else the markup is compressed as before.
- BREACH: the kept text is never compressed with the filler or with the rest of
  the response, so its size can reveal nothing of a secret there. The header
  carries the same random-length padding as Django's.
"""

import secrets
import struct
import zlib
from contextvars import ContextVar

from django.middleware import gzip as django_gzip
from django.utils.cache import patch_vary_headers

LEVEL = 6  # Django's
PLACEHOLDER = b"\x00"
# The gzip header with FNAME set (its name pads the response's length), no
# modification time, "unknown" operating system.
_GZIP_HEADER = b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\xff"
_FINAL_EMPTY_BLOCK = b"\x03\x00"

# Per response: [(kept markup, filler bytes)] in the order they were filled, or
# None outside a gzip response (nothing is noted).
_filled_here = ContextVar("kept_markup_filled", default=None)


class KeptMarkup:
    """`text` served many times with each `slot` in it filled per response.

    Kept as the UTF-8 pieces between its slots: the response needs bytes in the
    end, and joining them is faster than `str.replace` (~27 µs against ~240 µs
    for a 250 KB page with one accented letter, which makes Python's string
    four times as wide)."""

    def __init__(self, text: str, slot: str | None = None):
        parts = text.split(slot) if slot else [text]
        self.pieces = [part.encode() for part in parts]
        self.served = 0
        self._deflated = {}  # filler length: _Deflated, or None if it can't be

    def filled(self, filler: str = "") -> str:
        """The text with every slot holding `filler`, noted for this response's
        gzip from its second serving on (once, it costs more than it saves)."""
        encoded = filler.encode()
        self.served += 1
        noted = _filled_here.get()
        if noted is not None and self.served > 1:
            noted.append((self, encoded))
        return encoded.join(self.pieces).decode()

    def deflated(self, filler_length: int):
        if filler_length not in self._deflated:
            self._deflated[filler_length] = _deflate(self.pieces, filler_length)
        return self._deflated[filler_length]


class _Deflated:
    def __init__(self, pieces: list[bytes], head: bytes, tail: bytes):
        self.pieces = pieces  # the text between slots
        self.head = head  # the text before the first slot, deflated
        self.tail = tail  # the rest, deflated, its slots copies of the first


def _deflate(pieces, filler_length):
    """The text deflated around its first slot, or None if it can't be."""
    placeholder = PLACEHOLDER * filler_length
    if filler_length > 255 or any(PLACEHOLDER in piece for piece in pieces):
        return None
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    head = compressor.compress(pieces[0]) + compressor.flush(zlib.Z_SYNC_FLUSH)
    tail = b""
    if len(pieces) > 1:
        compressor.compress(placeholder)
        compressor.flush(zlib.Z_SYNC_FLUSH)  # the first slot's blocks: dropped
        rest = placeholder.join(pieces[1:])
        tail = compressor.compress(rest) + compressor.flush(zlib.Z_SYNC_FLUSH)
    deflated = _Deflated(pieces, head, tail)
    return deflated if _copies_only_the_first_slot(deflated, filler_length) else None


def _copies_only_the_first_slot(deflated, filler_length):
    """Whether every later slot decodes as a copy of the first, byte for byte.

    The compressor copies only equal bytes, so a placeholder byte is copied only
    from another; were it copied from another offset of a slot, or written as
    it is, a filler whose every byte differs from the others would come out
    wrong here, and every filler would be wrong somewhere. Decoding with one such
    filler therefore proves the splice for every filler of its length.
    """
    probe = bytes(range(1, filler_length + 1))  # no two bytes alike, none NUL
    stream = b"".join(_kept_blocks(deflated, probe)) + _FINAL_EMPTY_BLOCK
    return zlib.decompress(stream, -15) == probe.join(deflated.pieces)


def stored_block(data: bytes) -> bytes:
    """`data` as non-final stored blocks, starting and ending on a byte boundary."""
    out = bytearray()
    for start in range(0, len(data), 0xFFFF):
        chunk = data[start : start + 0xFFFF]
        out += b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk
    return bytes(out)


def gzip_with_kept(body: bytes, filled, *, max_random_bytes: int) -> bytes | None:
    """`body` gzipped, each noted kept markup found in it spliced in deflated
    once; None if none was found as it was filled (then compress it whole)."""
    spans = _spans(body, filled)
    if not spans:
        return None
    out = [_GZIP_HEADER, b"a" * secrets.randbelow(max_random_bytes), b"\x00"]
    start = 0
    for span_start, span_end, deflated, filler in spans:
        out.append(_deflate_plain(body[start:span_start]))
        out.extend(_kept_blocks(deflated, filler))
        start = span_end
    out.append(_deflate_plain(body[start:]))
    out.append(_FINAL_EMPTY_BLOCK)
    out.append(struct.pack("<II", zlib.crc32(body), len(body) & 0xFFFFFFFF))
    return b"".join(out)


def _spans(body, filled):
    """(start, end, deflated, filler) of each noted markup, in order, where the
    body holds it exactly as filled."""
    spans, cursor = [], 0
    for kept, filler in filled:
        deflated = kept.deflated(len(filler))
        if deflated is None:
            continue
        # Found by its first piece that has text: a slot may open the markup.
        lead = next((i for i, piece in enumerate(deflated.pieces) if piece), None)
        if lead is None:
            continue
        before = lead * len(filler)
        start = body.find(deflated.pieces[lead], cursor + before) - before
        end = _end_if_filled(body, start, deflated.pieces, filler)
        if end is not None:
            spans.append((start, end, deflated, filler))
            cursor = end
    return spans


def _end_if_filled(body, start, pieces, filler):
    if start < 0:  # not found
        return None
    at = start
    for index, piece in enumerate(pieces):
        if index:
            if not body.startswith(filler, at):
                return None
            at += len(filler)
        if not body.startswith(piece, at):
            return None
        at += len(piece)
    return at


def _deflate_plain(data):
    if not data:
        return b""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


def _kept_blocks(deflated, filler):
    yield deflated.head
    if len(deflated.pieces) > 1:
        yield stored_block(filler)
        yield deflated.tail


class GZipMiddleware(django_gzip.GZipMiddleware):
    """Django's, with kept markup spliced in deflated once (above)."""

    def __call__(self, request):
        accepts = django_gzip.re_accepts_gzip.search(
            request.META.get("HTTP_ACCEPT_ENCODING", "")
        )
        noted = _filled_here.set([] if accepts else None)
        try:
            return super().__call__(request)
        finally:
            _filled_here.reset(noted)

    def process_response(self, request, response):
        filled = _filled_here.get()
        if (
            not filled
            or response.streaming
            or response.has_header("Content-Encoding")
            or len(response.content) < 200
        ):
            return super().process_response(request, response)
        compressed = gzip_with_kept(
            response.content, filled, max_random_bytes=self.max_random_bytes
        )
        if compressed is None or len(compressed) >= len(response.content):
            return super().process_response(request, response)
        # What Django's does once it has compressed (django/middleware/gzip.py).
        patch_vary_headers(response, ("Accept-Encoding",))
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response
