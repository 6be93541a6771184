"""Every accepted format, with every kind of metadata it can carry, is stored as
pixels only: no byte of the metadata is in any stored size.

The files are crafted byte by byte where Pillow can't write the metadata itself, and
the checks read the stored bytes, never Pillow's view of them.
"""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forum import actions, pictures

pytestmark = pytest.mark.django_db

SIZE = (640, 400)  # larger than the thumbnail, so the two stored sizes differ


def secret_for(fmt, kind):
    """A payload that can't occur by chance in a stored picture."""
    return f"<script>leak('{fmt}-{kind}')</script> 12 Elm Street, Apt 4".encode()


def _image(mode):
    image = Image.new(mode, SIZE, (200, 120, 40, 255)[: len(mode)])
    if mode == "RGBA":
        image.paste((30, 90, 160, 0), (0, 0, SIZE[0] // 2, SIZE[1]))
    return image


def _saved(image, fmt, **options):
    buffer = BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _exif_with(secret):
    exif = Image.Exif()
    exif[0x010E] = secret.decode()  # ImageDescription
    exif[0x013B] = secret.decode()  # Artist
    exif[0x8825] = {1: "N", 2: (40.0, 44.0, 55.0), 3: "W", 4: (73.0, 59.0, 11.0)}
    return exif.tobytes()  # starts with b"Exif\0\0"


def _xmp_with(secret):
    return (
        b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
        b"<dc:description><![CDATA[" + secret + b"]]></dc:description>"
        b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )


def _icc_with(secret):
    # Pillow carries an ICC profile through without parsing it.
    body = b"desc" + secret
    return struct.pack(">I", 128 + len(body)) + b"\0" * 32 + b"acsp" + b"\0" * 88 + body


def _iptc_with(secret):
    caption = b"\x1c\x02\x78" + struct.pack(">H", len(secret)) + secret
    padded = caption + b"\0" * (len(caption) % 2)
    return (
        b"Photoshop 3.0\0"
        + b"8BIM\x04\x04\0\0"
        + struct.pack(">I", len(caption))
        + padded
    )


# --- JPEG: metadata lives in APPn and COM segments, right after SOI.


def _jpeg_segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def _jpeg_with_segment(marker, payload):
    data = _saved(_image("RGB"), "JPEG")
    return data[:2] + _jpeg_segment(marker, payload) + data[2:]


JPEG_KINDS = {
    "exif": lambda s: _jpeg_with_segment(0xE1, _exif_with(s)),
    "xmp": lambda s: _jpeg_with_segment(
        0xE1, b"http://ns.adobe.com/xap/1.0/\0" + _xmp_with(s)
    ),
    "iptc": lambda s: _jpeg_with_segment(0xED, _iptc_with(s)),
    "comment": lambda s: _jpeg_with_segment(0xFE, s),
    "icc": lambda s: _jpeg_with_segment(0xE2, b"ICC_PROFILE\0\x01\x01" + _icc_with(s)),
}


# --- PNG: metadata lives in ancillary chunks, before or after the pixels.


def _png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data))
    )


def _png_with_chunk(kind, data, *, transparent, after_pixels=False):
    png = _saved(_image("RGBA" if transparent else "RGB"), "PNG")
    after_header = 8 + 4 + 4 + 13 + 4  # the signature, then the whole IHDR chunk
    at = png.rindex(b"IEND") - 4 if after_pixels else after_header
    return png[:at] + _png_chunk(kind, data) + png[at:]


def _itxt(keyword, text):
    return keyword + b"\0\0\0" + b"en\0" + keyword + b"\0" + text


PNG_KINDS = {
    "text": lambda s, t: _png_with_chunk(b"tEXt", b"Comment\0" + s, transparent=t),
    "text-after-pixels": lambda s, t: _png_with_chunk(
        b"tEXt", b"Author\0" + s, transparent=t, after_pixels=True
    ),
    "ztxt": lambda s, t: _png_with_chunk(
        b"zTXt", b"Description\0\0" + zlib.compress(s), transparent=t
    ),
    "itxt": lambda s, t: _png_with_chunk(b"iTXt", _itxt(b"Title", s), transparent=t),
    "xmp": lambda s, t: _png_with_chunk(
        b"iTXt", _itxt(b"XML:com.adobe.xmp", _xmp_with(s)), transparent=t
    ),
    "exif": lambda s, t: _png_with_chunk(b"eXIf", _exif_with(s)[6:], transparent=t),
    "icc": lambda s, t: _png_with_chunk(
        b"iCCP", b"leaky\0\0" + zlib.compress(_icc_with(s)), transparent=t
    ),
}


# --- GIF: metadata lives in comment and application extensions.


def _gif_sub_blocks(data):
    blocks = b"".join(
        bytes([len(data[i : i + 255])]) + data[i : i + 255]
        for i in range(0, len(data), 255)
    )
    return blocks + b"\0"


def _gif_with_extension(extension, *, transparent):
    image = Image.new("P", SIZE, 1)
    image.putpalette([30, 90, 160, 200, 120, 40])
    image.paste(0, (0, 0, SIZE[0] // 2, SIZE[1]))
    options = {"transparency": 0} if transparent else {}  # the left half
    gif = _saved(image, "GIF", **options)
    flags = gif[10]
    at = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)  # after the palette
    return gif[:at] + extension + gif[at:]


def _gif_application(identifier, data):
    return b"\x21\xff\x0b" + identifier + _gif_sub_blocks(data)


# XMP in GIF is raw bytes ended by a "magic trailer" that sub-block readers skip.
XMP_MAGIC_TRAILER = b"\x01" + bytes(range(255, -1, -1)) + b"\0"

GIF_KINDS = {
    "comment": lambda s, t: _gif_with_extension(
        b"\x21\xfe" + _gif_sub_blocks(s), transparent=t
    ),
    "application": lambda s, t: _gif_with_extension(
        _gif_application(b"STEADYGR1.0", s), transparent=t
    ),
    "xmp": lambda s, t: _gif_with_extension(
        b"\x21\xff\x0b" + b"XMP DataXMP" + _xmp_with(s) + XMP_MAGIC_TRAILER,
        transparent=t,
    ),
    "icc": lambda s, t: _gif_with_extension(
        _gif_application(b"ICCRGBG1012", _icc_with(s)), transparent=t
    ),
}


# --- WebP: Pillow writes the EXIF, XMP and ICCP chunks of the extended format.


def _webp_with(transparent, **metadata):
    return _saved(_image("RGBA" if transparent else "RGB"), "WEBP", **metadata)


WEBP_KINDS = {
    "exif": lambda s, t: _webp_with(t, exif=_exif_with(s)),
    "xmp": lambda s, t: _webp_with(t, xmp=_xmp_with(s)),
    "icc": lambda s, t: _webp_with(t, icc_profile=_icc_with(s)),
}


def _cases():
    for kind, build in JPEG_KINDS.items():
        yield pytest.param(
            "JPEG", kind, False, lambda s, t, build=build: build(s), id=f"JPEG-{kind}"
        )
    for fmt, kinds in [("PNG", PNG_KINDS), ("GIF", GIF_KINDS), ("WEBP", WEBP_KINDS)]:
        for kind, build in kinds.items():
            for transparent in (False, True):
                look = "transparent" if transparent else "opaque"
                yield pytest.param(
                    fmt,
                    kind,
                    transparent,
                    lambda s, t, build=build: build(s, t),
                    id=f"{fmt}-{kind}-{look}",
                )


CASES = list(_cases())


# --- What a stored file holds, read from its bytes.


def jpeg_metadata_segments(data):
    """Every segment before the scan that isn't needed to draw the pixels."""
    pixel_markers = {0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD}
    assert data[:2] == b"\xff\xd8"
    found, at = [], 2
    while data[at + 1] != 0xDA:  # start of scan: pixels from here on
        marker = data[at + 1]
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        payload = data[at + 4 : at + 2 + length]
        is_jfif = marker == 0xE0 and payload.startswith(b"JFIF\0")
        if marker not in pixel_markers and not is_jfif:
            found.append((hex(marker), payload[:20]))
        at += 2 + length
    return found


def png_metadata_chunks(data):
    """Every chunk that isn't the header, the pixels or the end."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        if kind not in {b"IHDR", b"IDAT", b"IEND"}:
            found.append(kind)
        at += 12 + length
    return found


def stored_bytes(post):
    for name in [post.picture.name, post.thumbnail.name]:
        with default_storage.open(name, "rb") as handle:
            yield name, handle.read()


def test_every_accepted_format_is_covered():
    assert {case.values[0] for case in CASES} == pictures.ACCEPTED_FORMATS


@pytest.mark.parametrize(("fmt", "kind", "transparent", "build"), CASES)
def test_stored_sizes_hold_no_byte_of_the_metadata(
    member, fmt, kind, transparent, build
):
    secret = secret_for(fmt, kind)
    upload = build(secret, transparent)
    sent = Image.open(BytesIO(upload))
    assert sent.format == fmt  # the crafted file is what it claims to be
    sent.load()
    assert secret in upload or secret in repr(sent.info).encode()  # compressed

    post = actions.post_update(
        author=member,
        body="",
        picture=SimpleUploadedFile(f"p.{fmt.lower()}", upload),
    ).post

    stored = dict(stored_bytes(post))
    assert len(stored) == 2
    for name, data in stored.items():
        assert secret not in data, name
        assert secret[8:30] not in data, name  # nor a piece of it
        if transparent:  # kept as PNG, so both writers are covered
            assert name.endswith(".png")
            assert png_metadata_chunks(data) == [], name
        else:
            assert name.endswith(".jpg")
            assert jpeg_metadata_segments(data) == [], name
