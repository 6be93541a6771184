"""Pictures members share: checked, decoded, re-encoded without metadata, resized.

Nothing a member uploads is stored as sent. Every accepted picture is decoded by
Pillow, turned upright, stripped of all metadata (EXIF with GPS, XMP, ICC, comments)
by re-encoding only the pixels, and saved under a random name in two sizes.
"""

import secrets
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
REFUSED = gettext_lazy(
    "We couldn't use that picture. Please share a JPEG, PNG, WebP or GIF image."
)
TOO_MANY_PIXELS = gettext_lazy(
    "That picture has too many pixels. Please share a smaller one."
)


@dataclass(frozen=True)
class StoredPicture:
    picture: str
    width: int
    height: int
    thumbnail: str
    thumbnail_width: int
    thumbnail_height: int


def _refuse(message, code):
    raise ValidationError(message, code=code)


def decode_picture(uploaded) -> Image.Image:
    """The upright pixels of an acceptable picture, or a ValidationError."""
    max_bytes = settings.FORUM_PICTURE_MAX_BYTES
    if uploaded.size > max_bytes:
        _refuse(
            _("That picture is too large. Pictures can be up to %(size)s MB.")
            % {"size": max_bytes // (1024 * 1024)},
            "too_large",
        )
    uploaded.seek(0)
    data = uploaded.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(BytesIO(data))
            if probe.format not in ACCEPTED_FORMATS:
                _refuse(REFUSED, "format")
            if probe.width * probe.height > settings.FORUM_PICTURE_MAX_PIXELS:
                _refuse(TOO_MANY_PIXELS, "too_many_pixels")
            probe.verify()  # structural check; the image must be reopened after
            image = Image.open(BytesIO(data))
            image.load()  # decodes every byte: truncated files fail here
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow refuses huge pictures as it opens them, before our own limit.
        _refuse(TOO_MANY_PIXELS, "too_many_pixels")
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
    ):
        _refuse(
            _(
                "We couldn't use that picture. Please share a JPEG, PNG, WebP or "
                "GIF image. This file isn't a complete picture."
            ),
            "unreadable",
        )
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
    return image.convert("RGBA" if has_alpha else "RGB")


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new image from the pixel data alone.

    copy() and convert() carry `info` over (a JPEG or GIF comment, an ICC profile,
    XMP), and Pillow's writers write some of it back out unasked.
    """
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _encode(image: Image.Image, longest_side: int) -> tuple[bytes, str, int, int]:
    resized = image.copy()
    resized.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
    pixels = _pixels_only(resized)
    out = BytesIO()
    if pixels.mode == "RGBA":
        pixels.save(out, format="PNG", optimize=True)
        extension = "png"
    else:
        pixels.save(out, format="JPEG", quality=85, optimize=True, progressive=True)
        extension = "jpg"
    return out.getvalue(), extension, pixels.width, pixels.height


def store_decoded(image: Image.Image) -> StoredPicture:
    """Store a decoded picture's pixels in display and thumbnail sizes."""
    name = secrets.token_hex(16)
    folder = f"pictures/{name[:2]}"
    display, ext, width, height = _encode(image, settings.FORUM_PICTURE_DISPLAY_SIDE)
    thumb, thumb_ext, t_width, t_height = _encode(image, settings.FORUM_THUMBNAIL_SIDE)
    picture_name = default_storage.save(f"{folder}/{name}.{ext}", ContentFile(display))
    thumbnail_name = default_storage.save(
        f"{folder}/{name}-thumb.{thumb_ext}", ContentFile(thumb)
    )
    return StoredPicture(picture_name, width, height, thumbnail_name, t_width, t_height)


def delete_stored(names) -> None:
    """Delete stored pictures for good (a member who left chose so)."""
    for name in names:
        default_storage.delete(name)
