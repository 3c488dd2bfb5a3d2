"""The group's document library: upload, versions, and downloads that only members get."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from tests.factories.portal import UserFactory
from tests.helpers import dom, visible_text
from tests.portal.test_uploads import minimal_pdf
from working_groups import space
from working_groups.choices import ActivityKind
from working_groups.models import Activity, DocumentVersion, GroupDocument

HTML_PRETENDING_TO_BE_PDF = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"


def pdf(name="Guideline draft.pdf", content=None):
    return SimpleUploadedFile(name, content or minimal_pdf(), content_type="application/pdf")


@pytest.fixture
def document(group, member):
    return space.add_document(
        group, member, "Guideline draft", "First outline.", pdf(), note="Outline"
    )


def download_url(document, number=1):
    return reverse(
        "working_groups:download",
        kwargs={"slug": document.group.slug, "document_id": document.pk, "number": number},
    )


def test_member_uploads_a_document_as_version_one(client, group, member):
    client.force_login(member)
    response = client.post(
        reverse("working_groups:new_document", kwargs={"slug": group.slug}),
        {
            "title": "Referral pathways",
            "description": "Who refers whom.",
            "note": "First draft",
            "file": pdf("../Referral pathways.PDF"),
        },
    )

    document = GroupDocument.objects.get(group=group)
    assert response.status_code == 302
    assert response.url == document.get_absolute_url()
    version = document.versions.get()
    assert (version.number, version.filename, version.note) == (
        1,
        "Referral pathways.pdf",
        "First draft",
    )
    assert version.content_type == "application/pdf"
    assert version.uploaded_by == member
    assert Activity.objects.filter(group=group, kind=ActivityKind.DOCUMENT).exists()


def test_new_versions_are_numbered_and_listed_newest_first(
    client, group, member, coordinator, document
):
    client.force_login(coordinator)
    url = document.get_absolute_url()
    client.post(url, {"file": pdf("Guideline v2.pdf"), "note": "Comments from Lisbon"})
    client.post(url, {"file": pdf("Guideline v3.pdf"), "note": "Final wording"})

    response = client.get(url)

    rows = dom(response).find("table", cls="versions").find("tbody").find_all("tr")
    assert [row.find("th").text for row in rows] == ["3", "2", "1"]
    assert "Final wording" in rows[0].text
    assert "Cora Ordinator" in rows[0].text
    assert "Mia Member" in rows[2].text
    assert "Outline" in rows[2].text
    assert "KB" in rows[2].text or "bytes" in rows[2].text
    assert Activity.objects.filter(group=group, kind=ActivityKind.VERSION).count() == 2


def test_add_version_takes_the_next_number(group, member, document):
    second = space.add_version(document, member, pdf(), note="")
    third = space.add_version(document, member, pdf(), note="")
    assert (second.number, third.number) == (2, 3)


def test_member_downloads_exact_bytes_with_safe_headers(client, member, document):
    client.force_login(member)
    version = document.versions.get()

    response = client.get(download_url(document))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == minimal_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{version.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Security-Policy"] == "sandbox"


@pytest.mark.parametrize("person", ["outsider", "applicant", "staff_editor"])
def test_non_members_cannot_see_or_download_documents(client, request, person, document):
    client.force_login(request.getfixturevalue(person))

    for url in (
        reverse("working_groups:documents", kwargs={"slug": document.group.slug}),
        document.get_absolute_url(),
        download_url(document),
    ):
        assert client.get(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_sign_in(client, document):
    response = client.get(download_url(document))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_deactivated_member_cannot_download(client, member, document):
    client.force_login(member)
    member.is_active = False
    member.save()
    response = client.get(download_url(document))
    assert response.status_code == 302, "a deactivated account is signed out"
    assert response.url.startswith(reverse("account_login"))


def test_another_groups_document_is_not_found(client, group, other_group, member):
    theirs = space.add_document(other_group, UserFactory(), "Their plan", "", pdf())
    client.force_login(member)

    in_our_space = reverse(
        "working_groups:document", kwargs={"slug": group.slug, "document_id": theirs.pk}
    )
    download = reverse(
        "working_groups:download",
        kwargs={"slug": group.slug, "document_id": theirs.pk, "number": 1},
    )
    assert client.get(in_our_space).status_code == 404
    assert client.get(download).status_code == 404


def test_unknown_version_number_is_not_found(client, member, document):
    client.force_login(member)
    assert client.get(download_url(document, number=2)).status_code == 404


def test_rejected_file_keeps_the_rest_of_the_form(client, group, member):
    client.force_login(member)
    response = client.post(
        reverse("working_groups:new_document", kwargs={"slug": group.slug}),
        {
            "title": "Referral pathways",
            "description": "Who refers whom.",
            "note": "First draft",
            "file": pdf("pathways.pdf", HTML_PRETENDING_TO_BE_PDF),
        },
    )

    assert response.status_code == 200
    assert not GroupDocument.objects.exists()
    page = dom(response)
    error = page.find(id="id_file_error")
    assert "not a valid .pdf" in error.text
    assert page.find("input", id="id_file").attrs["aria-invalid"] == "true"
    assert page.find("input", id="id_title").attrs["value"] == "Referral pathways"
    assert page.find("textarea", id="id_description").text == "Who refers whom."
    assert page.find("input", id="id_note").attrs["value"] == "First draft"
    assert "choose the file again" in visible_text(response)


def test_rejected_new_version_keeps_the_note(client, member, document):
    client.force_login(member)
    response = client.post(
        document.get_absolute_url(),
        {"file": SimpleUploadedFile("tool.exe", b"MZ\x90\x00"), "note": "Signed copy"},
    )

    assert response.status_code == 200
    page = dom(response)
    assert "cannot be uploaded" in page.find(id="id_file_error").text
    assert page.find("input", id="id_note").attrs["value"] == "Signed copy"
    assert document.versions.count() == 1


def test_files_live_outside_media_and_the_media_url_never_serves_them(client, member, document):
    version = document.versions.get()
    stored = Path(version.file.path).resolve()

    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.read_bytes() == minimal_pdf()
    assert "Guideline" not in version.file.name, "stored under a random name"
    client.force_login(member)
    assert client.get(f"{settings.MEDIA_URL}{version.file.name}").status_code == 404
    with pytest.raises(ValueError, match="no URL"):
        version.file.url  # noqa: B018 (the private storage refuses to make one)


def test_failed_upload_leaves_no_file_behind(group, member, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    private_root = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    files_before = set(private_root.rglob("*"))
    monkeypatch.setattr(space, "record", fail)
    with pytest.raises(RuntimeError):
        space.add_document(group, member, "Doomed", "", pdf())

    assert not DocumentVersion.objects.exists()
    assert {path for path in private_root.rglob("*") if path.is_file()} - files_before == set()


def test_documents_list_shows_the_latest_version(client, member, document):
    space.add_version(document, member, pdf("Guideline final.pdf"), note="")
    client.force_login(member)

    response = client.get(reverse("working_groups:documents", kwargs={"slug": document.group.slug}))

    row = dom(response).find("tbody").find("tr")
    assert "Guideline draft" in row.text
    assert "Guideline final.pdf" in row.text
    assert "version 2" in row.text


def test_upload_needs_post_with_csrf(member, group):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(
        reverse("working_groups:new_document", kwargs={"slug": group.slug}),
        {"title": "No token", "file": pdf()},
    )
    assert response.status_code == 403
    assert not GroupDocument.objects.exists()
