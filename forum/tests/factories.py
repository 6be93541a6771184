"""Plain factories that go through the real actions."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forum import actions
from forum.models import Conversation


def picture_upload(
    name="photo.jpg", *, size=(64, 48), color=(200, 120, 40), fmt="JPEG", exif=None
):
    buffer = BytesIO()
    image = Image.new("RGB", size, color)
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **options)
    content_type = {
        "JPEG": "image/jpeg",
        "PNG": "image/png",
        "WEBP": "image/webp",
        "GIF": "image/gif",
    }[fmt]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_update(author, body="Checking in: a steady week.", **kwargs):
    return actions.post_update(author=author, body=body, **kwargs).post


def make_conversation(title="A conversation"):
    return Conversation.objects.create(title=title)


def make_reply(parent, author, body="Thank you for sharing this."):
    return actions.reply_to_post(parent, author=author, body=body).post


def make_thread(conversation, author, *, top_level, replies_each=0):
    """`top_level` posts, each with a chain of `replies_each` nested replies."""
    roots = []
    for number in range(top_level):
        root = actions.post_comment(
            conversation, author=author, body=f"Top-level post {number}"
        ).post
        parent = root
        for depth in range(replies_each):
            parent = actions.reply_to_post(
                parent, author=author, body=f"Reply {depth} under {number}"
            ).post
        roots.append(root)
    return roots
