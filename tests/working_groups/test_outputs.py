"""Coordinators publish their group's guidelines and reports as public pages, through the
real page tree: anyone can then read them, list them and download their files."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

import pytest

from tests.helpers import dom, links, visible_text
from working_groups.choices import ActivityKind
from working_groups.models import Activity, OutputIndexPage, OutputPage
from working_groups.outputs import COLLECTION_NAME, output_index

pytestmark = pytest.mark.django_db

GUIDELINE = {
    "title": "Guideline on triage",
    "kind": "guideline",
    "summary": "How clinics triage people who fear they might offend.",
    "body": "Start with **risk**.\n\n- one\n- two",
}


@pytest.fixture
def url(group):
    return f"/working-groups/{group.slug}/space/outputs/new/"


def upload(name="triage.txt", content=b"Plain text guideline.\n"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def published(client, coordinator, url, home):
    client.force_login(coordinator)
    response = client.post(url, {**GUIDELINE, "file": upload()})
    assert response.status_code == 302
    client.logout()
    return OutputPage.objects.get(title=GUIDELINE["title"]), response


def test_a_coordinator_sees_the_form(client, coordinator, url, home):
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    form = dom(response).find("form", enctype="multipart/form-data")
    names = {
        field.attrs.get("name")
        for field in form.iter()
        if field.tag in ("input", "select", "textarea")
    }
    assert {"title", "kind", "summary", "body", "file"} <= names


def test_a_published_output_is_a_live_public_page(published, client, group):
    page, response = published
    assert page.live and not page.has_unpublished_changes
    assert response["Location"] == page.url
    assert page.get_parent().specific == output_index()
    assert page.latest_revision.user is not None

    response = client.get(page.url)
    assert response.status_code == 200
    assert dom(response).find("h1").text == "Guideline on triage"
    assert "Kind Guideline" in dom(response).find("dl", cls="facts").text
    assert "How clinics triage" in visible_text(response)
    assert "<strong>risk</strong>" in response.content.decode()
    assert (group.get_absolute_url(), group.name) in links(response)


def test_its_file_is_a_public_download(published, client):
    page, _response = published
    assert page.file.collection.name == COLLECTION_NAME
    download = [href for href, _text in links(client.get(page.url)) if href == page.file.url]
    assert download
    response = client.get(download[0])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Plain text guideline.\n"


def test_it_is_listed_on_the_outputs_index(published, client):
    page, _response = published
    index = client.get(output_index().url)
    assert index.status_code == 200
    assert (page.url, page.title) in links(index)
    assert "Healthcare practitioners" in visible_text(index)


def test_publishing_is_recorded_in_the_groups_feed(published, group, coordinator):
    page, _response = published
    recorded = Activity.objects.get(group=group, kind=ActivityKind.OUTPUT)
    assert recorded.actor == coordinator
    assert recorded.url == page.url


def test_two_outputs_with_one_title_get_distinct_addresses(client, coordinator, url, home):
    client.force_login(coordinator)
    for _ in range(2):
        assert client.post(url, GUIDELINE).status_code == 302
    slugs = sorted(OutputPage.objects.values_list("slug", flat=True))
    assert slugs == ["guideline-on-triage", "guideline-on-triage-2"]


@pytest.mark.parametrize("who", ["member", "applicant", "outsider", "staff_editor"])
def test_only_coordinators_publish(client, who, request, url, home):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url).status_code == 403
    assert client.post(url, GUIDELINE).status_code == 403
    assert not OutputPage.objects.exists()


def test_anonymous_visitors_are_asked_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "bad_file, message",
    [
        (upload("triage.html", b"<html><script>alert(1)</script></html>"), "cannot be uploaded"),
        (upload("triage.pdf", b"MZ\x90\x00 not a pdf"), "not a valid .pdf file"),
        (upload("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), "Public outputs can be"),
    ],
)
def test_a_bad_file_keeps_the_form(client, coordinator, url, home, bad_file, message):
    client.force_login(coordinator)
    response = client.post(url, {**GUIDELINE, "file": bad_file})
    assert response.status_code == 200
    assert message in response.content.decode()
    form = dom(response).find("form", enctype="multipart/form-data")
    assert form.find("input", name="title").attrs["value"] == GUIDELINE["title"]
    assert GUIDELINE["summary"] in form.find("textarea", name="summary").text
    assert not OutputPage.objects.exists()
    assert not get_document_model().objects.exists()


def test_missing_fields_keep_what_was_typed(client, coordinator, url, home):
    client.force_login(coordinator)
    response = client.post(url, {**GUIDELINE, "title": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert "How clinics triage" in response.content.decode()


def test_the_index_is_created_once_under_the_home_page(home, client):
    index = output_index()
    assert (index.slug, index.title, index.live) == ("outputs", "Working group outputs", True)
    assert index.get_parent().pk == home.pk
    assert output_index() == index
    assert OutputIndexPage.objects.count() == 1
    assert client.get("/").status_code == 200  # the home page and its menu still render
    assert client.get(index.url).status_code == 200
