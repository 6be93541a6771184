""" "Download my data": asked for on the Account page, made by the task worker,
one at a time, emailed discreetly, downloadable by its member only, for 7 days."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from community import data_export
from community.models import DataExport

pytestmark = pytest.mark.django_db

QUEUED = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
EXPORT_PAGE = "/account/export/"


def download_url(export):
    return f"/account/export/{export.pk}/download/"


@pytest.fixture
def ready_export(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export.request_export(member)
    export.refresh_from_db()
    return export


def test_the_account_page_leads_to_the_export_page(client, member):
    client.force_login(member)
    assert EXPORT_PAGE in client.get("/account/profile/").content.decode()
    page = client.get(EXPORT_PAGE).content.decode()
    assert "Prepare my data" in page


@pytest.mark.django_db(transaction=True)
def test_asking_queues_the_work_and_the_worker_makes_the_zip(
    settings, client, member, mailoutbox
):
    settings.TASKS = QUEUED
    client.force_login(member)
    response = client.post(EXPORT_PAGE)
    assert response.status_code == 302
    export = DataExport.objects.get(member=member)
    assert export.status == DataExport.Status.PENDING
    assert export.file_name == ""
    assert DBTaskResult.objects.get().status == "READY"
    assert not default_storage.exists(data_export.FOLDER)
    assert "Waiting to be made" in client.get(EXPORT_PAGE).content.decode()

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    export.refresh_from_db()
    assert export.status == DataExport.Status.READY
    assert default_storage.exists(export.file_name)
    assert export.expires_at - export.ready_at == timedelta(days=7)
    assert [m.to for m in mailoutbox] == [[member.email]]


def test_the_email_is_discreet_and_links_to_the_page_not_the_file(
    member, mailoutbox, ready_export
):
    (email,) = mailoutbox
    assert email.subject == "Your download is ready"
    for telling in ("recovery", "opioid", "data", "Steady Ground"):
        assert telling.lower() not in email.subject.lower()
    assert "/account/export/\n" in email.body
    assert download_url(ready_export) not in email.body


def test_the_email_is_in_the_members_language(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    member.profile.language = "es"
    member.profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        data_export.request_export(member)
    assert mailoutbox[0].subject == "Tu descarga está lista"


def test_the_member_downloads_their_zip(client, member, ready_export):
    client.force_login(member)
    page = client.get(EXPORT_PAGE).content.decode()
    assert download_url(ready_export) in page
    response = client.get(download_url(ready_export))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "private" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert {"README.txt", "profile.json"} <= set(archive.namelist())
    ready_export.refresh_from_db()
    assert ready_export.download_count == 1


def test_another_member_gets_404(client, other_member, ready_export):
    client.force_login(other_member)
    assert client.get(download_url(ready_export)).status_code == 404


def test_a_visitor_gets_404(client, ready_export):
    assert client.get(download_url(ready_export)).status_code == 404


def test_one_export_at_a_time(client, member, ready_export, mailoutbox):
    client.force_login(member)
    page = client.get(EXPORT_PAGE).content.decode()
    assert "Prepare my data" not in page
    response = client.post(EXPORT_PAGE, follow=True)
    assert "already being prepared" in response.content.decode()
    assert DataExport.objects.filter(member=member).count() == 1


def test_the_database_refuses_a_second_open_export(member, ready_export):
    with pytest.raises(IntegrityError):
        DataExport.objects.create(member=member)


def test_a_failed_export_lets_the_member_ask_again(member):
    DataExport.objects.create(member=member, status=DataExport.Status.FAILED)
    DataExport.objects.create(member=member)
    assert DataExport.objects.open().filter(member=member).count() == 1


def test_after_seven_days_the_link_is_dead_and_the_cleanup_deletes_the_zip(
    client, member, ready_export
):
    stored = ready_export.file_name
    DataExport.objects.filter(pk=ready_export.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    client.force_login(member)
    assert client.get(download_url(ready_export)).status_code == 404

    call_command("delete_expired_exports", stdout=io.StringIO())

    ready_export.refresh_from_db()
    assert ready_export.status == DataExport.Status.EXPIRED
    assert not default_storage.exists(stored)
    assert "Prepare my data" in client.get(EXPORT_PAGE).content.decode()


def test_the_cleanup_keeps_exports_still_within_their_week(member, ready_export):
    assert data_export.retire_expired() == 0
    assert default_storage.exists(ready_export.file_name)


def test_an_expired_export_never_blocks_a_new_request(
    member, ready_export, django_capture_on_commit_callbacks
):
    DataExport.objects.filter(pk=ready_export.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        fresh = data_export.request_export(member)
    fresh.refresh_from_db()
    assert fresh.status == DataExport.Status.READY
    assert not default_storage.exists(ready_export.file_name)


def test_the_export_page_is_valid_html_in_each_state(
    client, member, ready_export, other_member
):
    from community.tests.htmlcheck import html_errors

    client.force_login(member)
    ready = client.get(EXPORT_PAGE).content.decode()
    DataExport.objects.create(member=other_member)
    client.force_login(other_member)
    pending = client.get(EXPORT_PAGE).content.decode()
    assert "Waiting to be made" in pending
    errors = html_errors({"ready": ready, "pending": pending})
    assert not errors, "\n".join(map(str, errors))


def test_an_export_a_dead_worker_left_unmade_frees_the_member_next_day(member):
    stuck = DataExport.objects.create(
        member=member,
        status=DataExport.Status.RUNNING,
        requested_at=timezone.now() - timedelta(days=2),
    )
    data_export.retire_expired()
    stuck.refresh_from_db()
    assert stuck.status == DataExport.Status.FAILED


def test_a_leaving_members_exports_and_zips_are_deleted_twice_safely(
    member, ready_export
):
    from community.personal_data import Erasure, ErasureMode, registered_parts

    (part,) = [p for p in registered_parts() if p.name == "data_exports"]
    erasure = Erasure(mode=ErasureMode.REMOVE_EVERYTHING)
    part.erase(member, erasure)
    part.erase(member, erasure)
    assert not DataExport.objects.filter(member=member).exists()
    assert not default_storage.exists(ready_export.file_name)
