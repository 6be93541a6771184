"""A backup restores: the demo plus pictures posted through the real pipeline,
backed up, restored by `manage.py restore` in another process into a fresh database
and media folder, gives the same rows, the same picture bytes and the same pages.

On SQLite everywhere; on PostgreSQL (CI) with the real pg_dump and pg_restore."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

from articles.models import Article
from community.backups.database import row_counts
from community.models import User
from forum import actions
from forum.tests.factories import picture_upload

pytestmark = pytest.mark.django_db(transaction=True)

MANAGE = Path(django_settings.BASE_DIR) / "manage.py"
MEMBER = "juniper@example.com"
ARTICLE_SLUG = "naloxone-and-overdose"
PASSPHRASE = "a passphrase only the operators know"
RESULT = "ROUND-TRIP-RESULT:"

# Runs in the restored site: its row counts first (rendering adds a session),
# then the same pages as the same member.
RENDER_IN_RESTORED_SITE = """
import json
from django.test import Client
from community.backups.database import row_counts
from community.models import User
counts = row_counts()
client = Client()
client.force_login(User.objects.get(email={member!r}))
pages = {{url: client.get(url).content.decode() for url in {urls!r}}}
print({marker!r} + json.dumps({{"counts": counts, "pages": pages}}))
"""

# What differs between two responses of the same page: masked CSRF tokens, CSP
# nonces.
PER_RESPONSE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), "csrf"),
    (re.compile(r'nonce="[^"]+"'), 'nonce="…"'),
    (re.compile(r'"csrfToken":\s*"[^"]+"'), "csrf"),
]


def same_page(html):
    for pattern, replacement in PER_RESPONSE:
        html = pattern.sub(replacement, html)
    return html


def media_files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def run_manage(*arguments, environment):
    return subprocess.run(  # noqa: S603
        [sys.executable, str(MANAGE), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def restore_target(tmp_path):
    """The environment of a fresh site: a new database and an empty media folder."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DATABASE_URL", "MEDIA_ROOT"}
    }
    environment |= {"DEBUG": "1", "MEDIA_ROOT": str(tmp_path / "restored-media")}
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        yield environment
        return
    name = f"{database['NAME']}_restore"
    administer(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    credentials = database["USER"]
    if database["PASSWORD"]:
        credentials += f":{database['PASSWORD']}"
    environment["DATABASE_URL"] = (
        f"postgres://{credentials}@{database['HOST'] or 'localhost'}"
        f":{database['PORT'] or 5432}/{name}"
    )
    yield environment
    administer(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def administer(*statements):
    """Statements that cannot run inside a transaction, on a connection of our own."""
    raw = connection.get_new_connection(connection.get_connection_params())
    raw.autocommit = True
    try:
        with raw.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        raw.close()


def test_a_backup_restores_the_same_rows_pictures_and_pages(
    settings, tmp_path, restore_target, monkeypatch
):
    settings.DEBUG = True
    call_command("seed_demo")
    member = User.objects.get(email=MEMBER)
    article = Article.objects.get(slug=ARTICLE_SLUG)
    actions.post_update(
        author=member,
        body="A walk by the river this morning.",
        picture=picture_upload("river.jpg", size=(1200, 800)),
        picture_alt="A river in the morning",
    )
    actions.post_comment(
        article.conversation,
        author=member,
        body="This is the leaflet they gave me.",
        picture=picture_upload("leaflet.png", size=(300, 500), fmt="PNG"),
    )
    urls = [
        f"/articles/{ARTICLE_SLUG}/",
        f"/conversations/{article.conversation.pk}/",
        "/community/",
    ]
    client = Client()
    client.force_login(member)
    responses = {url: client.get(url) for url in urls}
    assert {url: r.status_code for url, r in responses.items()} == dict.fromkeys(
        urls, 200
    )
    original_pages = {url: r.content.decode() for url, r in responses.items()}
    original_counts = row_counts()
    original_media = media_files(Path(settings.MEDIA_ROOT))
    assert len([n for n in original_media if n.startswith("pictures/")]) >= 4

    monkeypatch.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
    call_command("backup", output=str(tmp_path / "backups"))
    (archive,) = (tmp_path / "backups").iterdir()
    assert archive.name.endswith(".tar.gz.enc")

    restored = run_manage(
        "restore",
        str(archive),
        environment=restore_target | {"BACKUP_PASSPHRASE": PASSPHRASE},
    )
    assert restored.returncode == 0, restored.stderr
    assert "Row counts match the manifest" in restored.stdout

    rendered = run_manage(
        "shell",
        "-c",
        RENDER_IN_RESTORED_SITE.format(member=MEMBER, urls=urls, marker=RESULT),
        environment=restore_target,
    )
    assert rendered.returncode == 0, rendered.stderr
    (line,) = [line for line in rendered.stdout.splitlines() if line.startswith(RESULT)]
    result = json.loads(line.removeprefix(RESULT))

    assert result["counts"] == original_counts
    assert media_files(Path(restore_target["MEDIA_ROOT"])) == original_media
    for url in urls:
        assert same_page(result["pages"][url]) == same_page(original_pages[url]), url
