""" "Download my data" for a demo member: the zip holds every kind of their data,
validates against the schema in the repo, and nothing private of anyone else.

Here, in the top app, because a demo member's data spans every app.
"""

import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from django.core.files.storage import default_storage

from articles import polls
from articles.demo import seed as seed_articles
from articles.models import Poll
from community import data_export
from community.demo import person
from community.demo import seed as seed_people
from community.models import DataExport
from community.personal_data import registered_parts
from forum import actions, moderation
from forum.demo import seed as seed_conversations
from forum.models import Post

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(data_export.__file__).parent / "schemas" / "export.schema.json").read_text()
)


class Quiet:
    def write(self, text):
        pass


@pytest.fixture
def demo(settings):
    for seed in (seed_people, seed_conversations, seed_articles):
        seed(Quiet())
    return person("river@example.com")


@pytest.fixture
def river_did_everything(demo, settings, django_capture_on_commit_callbacks):
    """River, beyond the demo: an edit, a report, a vote, a follow, a message to
    the moderators, a warning, a read notification, and a post held for review."""
    river, juniper = demo, person("juniper@example.com")
    moderator = person("mod@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        first = Post.objects.filter(author=river).order_by("id").first()
        actions.edit_post(first, editor=river, body="Six months and one day.")
        juniper_post = Post.objects.filter(author=juniper).order_by("id").first()
        moderation.report_post(
            juniper_post, reporter=river, reason="other", note="RIVER-REPORT-NOTE"
        )
        poll = Poll.objects.get()
        polls.cast_vote(poll, option=poll.options.first(), member=river)
        actions.follow_thread(juniper_post, member=river)
        data_export_community_message(river)
        moderation.sanction_member(
            river,
            moderator=moderator,
            kind="warning",
            reason="RIVER-WARNING-REASON",
            member_message="Please keep links out of your posts.",
        )
        actions.mark_notifications_read(member=river)
        settings.FORUM_HOLD_FIRST_POSTS = 1000
        actions.post_update(author=river, body="RIVER-HELD-POST waiting for review")
    return river


def data_export_community_message(member):
    from community.actions import write_to_moderators

    write_to_moderators(member, body="RIVER-MESSAGE-TO-MODERATORS")


@pytest.fixture
def others_private_data(demo, settings):
    """What River must never see: Juniper's held post and email, and a report
    someone made against River's post."""
    juniper, lantern = person("juniper@example.com"), person("lantern@example.com")
    settings.FORUM_HOLD_FIRST_POSTS = 1000
    actions.post_update(author=juniper, body="JUNIPER-HELD-POST not yet public")
    settings.FORUM_HOLD_FIRST_POSTS = 0
    river_post = Post.objects.filter(author=demo).order_by("id").first()
    moderation.report_post(
        river_post, reporter=lantern, reason="other", note="REPORT-AGAINST-RIVER"
    )
    return ["JUNIPER-HELD-POST", "REPORT-AGAINST-RIVER", juniper.email, lantern.email]


def made_export(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export.request_export(member)
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY
    return export


def opened(export) -> zipfile.ZipFile:
    with default_storage.open(export.file_name, "rb") as stored:
        return zipfile.ZipFile(io.BytesIO(stored.read()))


def documents(archive) -> dict:
    return {
        name.removesuffix(".json"): json.loads(archive.read(name))
        for name in archive.namelist()
        if name.endswith(".json")
    }


def test_the_export_holds_every_kind_of_a_demo_members_data(
    river_did_everything, django_capture_on_commit_callbacks
):
    river = river_did_everything
    archive = opened(made_export(river, django_capture_on_commit_callbacks))
    data = documents(archive)

    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert set(data) == {part.name for part in registered_parts()}
    assert data["profile"][0]["email"] == "river@example.com"
    statuses = {post["status"] for post in data["posts"]}
    assert {"published", "held"} <= statuses
    edited = next(post for post in data["posts"] if post["earlier_versions"])
    assert edited["text"] == "Six months and one day."
    assert edited["earlier_versions"][0]["text"].startswith("Six months on bupren")
    assert {r["reaction"] for r in data["reactions"]} == {"like", "hug"}
    assert [r["your_note"] for r in data["reports"]] == ["RIVER-REPORT-NOTE"]
    assert data["notifications"]
    assert all(n["read_at"] for n in data["notifications"])
    assert data["sanctions"][0]["moderators_reason"] == "RIVER-WARNING-REASON"
    assert data["sanctions"][0]["message_to_you"].startswith("Please keep links")
    assert data["messages_to_moderators"][0]["text"] == "RIVER-MESSAGE-TO-MODERATORS"
    assert len(data["poll_votes"]) == 1
    juniper_first = Post.objects.filter(author__email="juniper@example.com").first()
    assert juniper_first.root_id in {f["thread_post_id"] for f in data["follows"]}


def test_pictures_are_in_the_zip_as_stored(
    river_did_everything, django_capture_on_commit_callbacks
):
    river = river_did_everything
    archive = opened(made_export(river, django_capture_on_commit_callbacks))
    pictured = [
        post for post in documents(archive)["posts"] if post["picture_file"] is not None
    ]
    assert pictured
    for post in pictured:
        with default_storage.open(post["picture_file"], "rb") as stored:
            assert archive.read(post["picture_file"]) == stored.read()


def test_the_json_reads_like_text_and_the_readme_explains_each_file(
    river_did_everything, django_capture_on_commit_callbacks
):
    river = river_did_everything
    archive = opened(made_export(river, django_capture_on_commit_callbacks))
    posts = archive.read("posts.json").decode()
    assert '\n  {\n    "post_id": ' in posts  # indented for a person
    readme = archive.read("README.txt").decode()
    for part in registered_parts():
        assert f"{part.name}.json" in readme


def test_the_readme_is_in_the_members_language(
    river_did_everything, django_capture_on_commit_callbacks
):
    river = river_did_everything
    river.profile.language = "es"
    river.profile.save()
    archive = opened(made_export(river, django_capture_on_commit_callbacks))
    assert "Tus datos" in archive.read("README.txt").decode()


def test_one_members_export_holds_nothing_private_of_another(
    river_did_everything, others_private_data, django_capture_on_commit_callbacks
):
    river = river_did_everything
    archive = opened(made_export(river, django_capture_on_commit_callbacks))
    everything = b"".join(archive.read(name) for name in archive.namelist())
    for private in others_private_data:
        assert private.encode() not in everything
    assert b"RIVER-HELD-POST" in everything  # River's own held post is there
