import struct
import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forum import actions
from forum.models import Post
from forum.tests.factories import make_update, picture_upload

pytestmark = pytest.mark.django_db

GPS_TAG = 0x8825
ORIENTATION_TAG = 0x0112


def jpeg_with_gps_and_rotation():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[ORIENTATION_TAG] = 6  # "rotate 90° clockwise to display"
    exif[GPS_TAG] = {1: "N", 2: (40.0, 44.0, 55.0), 3: "W", 4: (73.0, 59.0, 11.0)}
    return picture_upload("gps.jpg", size=(80, 40), exif=exif.tobytes())


def stored_image(name):
    with default_storage.open(name, "rb") as handle:
        data = handle.read()
    return data, Image.open(BytesIO(data))


def test_gps_and_all_metadata_are_gone_from_the_stored_files(member):
    upload = jpeg_with_gps_and_rotation()
    assert b"PhoneMaker" in upload.read()  # the fixture really carries EXIF
    upload.seek(0)
    post = actions.post_update(author=member, body="", picture=upload).post
    for name in [post.picture.name, post.thumbnail.name]:
        data, image = stored_image(name)
        assert b"PhoneMaker" not in data
        assert b"Exif" not in data
        assert not image.getexif()
        assert "exif" not in image.info


def test_orientation_is_applied_before_the_metadata_goes(member):
    post = actions.post_update(
        author=member, body="", picture=jpeg_with_gps_and_rotation()
    ).post
    _, image = stored_image(post.picture.name)
    assert image.size == (40, 80)  # turned upright: portrait, as the camera meant
    assert (post.picture_width, post.picture_height) == (40, 80)


def test_large_pictures_get_a_display_size_and_a_thumbnail(member, settings):
    post = actions.post_update(
        author=member, body="", picture=picture_upload(size=(3200, 1000))
    ).post
    _, display = stored_image(post.picture.name)
    _, thumbnail = stored_image(post.thumbnail.name)
    assert max(display.size) == settings.FORUM_PICTURE_DISPLAY_SIDE
    assert max(thumbnail.size) == settings.FORUM_THUMBNAIL_SIDE
    assert (post.thumbnail_width, post.thumbnail_height) == thumbnail.size


def test_pictures_are_stored_under_random_names(member):
    first = actions.post_update(
        author=member, body="", picture=picture_upload("my-home.jpg")
    ).post
    second = actions.post_update(
        author=member, body="", picture=picture_upload("my-home.jpg")
    ).post
    assert "my-home" not in first.picture.name
    assert first.picture.name != second.picture.name


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_other_accepted_formats(member, fmt):
    post = actions.post_update(
        author=member, body="", picture=picture_upload(f"p.{fmt.lower()}", fmt=fmt)
    ).post
    assert default_storage.exists(post.picture.name)


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'  # noqa: E501
HTML_AS_JPEG = b"<html><body><script>alert(document.cookie)</script></body></html>"


def truncated_jpeg():
    data = picture_upload(size=(400, 400)).read()
    return data[: len(data) // 2]


def _png_chunk(kind, data):
    checksum = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def one_colour_png(width, height):
    """A complete black-and-white PNG, compressed row by row: never held in memory."""
    row = b"\0" + bytes((width + 7) // 8)  # filter byte, then 1 bit a pixel
    compressor = zlib.compressobj(1)  # fastest; still well under 1 MB
    pixels = b"".join(compressor.compress(row) for _ in range(height))
    pixels += compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", pixels)
        + _png_chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("drawing.svg", SVG, "image/svg+xml"),
        ("photo.jpg", SVG, "image/jpeg"),
        ("photo.jpg", HTML_AS_JPEG, "image/jpeg"),
        ("photo.jpg", b"", "image/jpeg"),
        ("photo.jpg", truncated_jpeg(), "image/jpeg"),
        ("photo.bmp", None, "image/bmp"),
    ],
    ids=["svg", "svg-as-jpeg", "html-as-jpeg", "empty", "truncated", "bmp"],
)
def test_unsafe_or_unsupported_files_are_refused(member, name, content, content_type):
    if content is None:
        buffer = BytesIO()
        Image.new("RGB", (10, 10)).save(buffer, format="BMP")
        content = buffer.getvalue()
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    with pytest.raises(ValidationError) as refused:
        actions.post_update(author=member, body="Look", picture=upload)
    assert "JPEG, PNG, WebP or GIF" in " ".join(refused.value.messages)
    assert not Post.objects.exists()


@pytest.mark.parametrize(
    ("width", "height"),
    [(30_000, 30_000), (10_000, 10_000), (7_000, 7_000)],
    ids=["900-megapixels", "100-megapixels", "49-megapixels"],
)
def test_huge_pictures_are_refused_for_their_pixels(member, width, height):
    # Pillow refuses the first as it opens it (an error) and warns on the second;
    # the third passes Pillow but not our own limit of 40 megapixels.
    upload = SimpleUploadedFile(
        "huge.png", one_colour_png(width, height), content_type="image/png"
    )
    with pytest.raises(ValidationError) as refused:
        actions.post_update(author=member, body="Look", picture=upload)
    assert refused.value.messages == [
        "That picture has too many pixels. Please share a smaller one."
    ]
    assert not Post.objects.exists()


def test_pictures_over_the_pixel_limit_are_refused(member, settings):
    settings.FORUM_PICTURE_MAX_PIXELS = 100 * 100
    with pytest.raises(ValidationError, match="too many pixels"):
        actions.post_update(
            author=member, body="", picture=picture_upload(size=(101, 100))
        )


def test_pictures_over_the_size_limit_are_refused(member, settings):
    settings.FORUM_PICTURE_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="too large"):
        actions.post_update(author=member, body="", picture=picture_upload())


def test_refused_picture_keeps_the_text_in_the_form(client, member):
    client.force_login(member)
    upload = SimpleUploadedFile("x.svg", SVG, content_type="image/svg+xml")
    response = client.post(
        "/community/post/", {"body": "My words stay", "picture": upload}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "JPEG, PNG, WebP or GIF" in html
    assert "My words stay</textarea>" in html


def test_pictures_are_served_only_to_members(client, member):
    post = actions.post_update(author=member, body="", picture=picture_upload()).post
    url = f"/posts/{post.pk}/thumbnail/"
    assert client.get(url).status_code == 302  # visitors go to sign in
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_alt_text_is_shown_as_alt(client, member):
    actions.post_update(
        author=member, body="", picture=picture_upload(), picture_alt="A sunrise"
    )
    client.force_login(member)
    assert 'alt="A sunrise"' in client.get("/community/").content.decode()


def test_post_without_picture_has_no_picture_url(client, member):
    post = make_update(member)
    client.force_login(member)
    assert client.get(f"/posts/{post.pk}/picture/").status_code == 404
