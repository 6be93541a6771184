"""Uploads only ever go through Django's storage API, so any storage works:
the local disk, or S3 and S3-compatible stores shared by several app servers
(configured by environment: community/tests/test_settings_from_environment.py)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from forum import actions
from forum.tests.factories import picture_upload

IN_MEMORY = {
    **settings.STORAGES,
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}


@pytest.mark.django_db
def test_pictures_upload_and_serve_from_a_storage_without_local_files(
    client, member, settings
):
    with override_settings(STORAGES=IN_MEMORY):
        post = actions.post_update(
            author=member, body="", picture=picture_upload("walk.jpg", size=(900, 600))
        ).post
        client.force_login(member)
        full = client.get(f"/posts/{post.pk}/picture/")
        thumbnail = client.get(f"/posts/{post.pk}/thumbnail/")
    assert full.status_code == 200
    assert thumbnail.status_code == 200
    assert b"".join(thumbnail.streaming_content)[:2] == b"\xff\xd8"  # a JPEG
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.jpg"))  # nothing on disk
