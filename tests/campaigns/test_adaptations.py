"""Members from EU member states adapt a material: a new draft linked to its source, sent to
an editor's review, public only once an editor publishes it."""

import datetime

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

import pytest

from campaigns.adaptations import COLLECTION_NAME, announce
from campaigns.choices import Licence
from campaigns.models import MaterialPage
from portal.moderation import ModerationStatus, moderation_status
from tests.factories.campaigns import MaterialPageFactory, country, language
from tests.factories.portal import EditorFactory, UserFactory
from tests.helpers import dom, links, visible_text

pytestmark = pytest.mark.django_db

ADAPTATION = {
    "title": "Be in Ctrl",
    "language": "",  # filled in by the `data` fixture
    "owner_organisation": "Webwise",
    "summary": "Lessons for Irish secondary schools on online sexual coercion and extortion.",
    "description": "Three lessons.\n\nWith a teacher's guide.",
    "changed_helplines": "Childline 1800 66 66 66 and Hotline.ie instead of Europol's list.",
    "changed_legal_references": "Irish law: Child Trafficking and Pornography Act 1998.",
    "changed_imagery_culture": "",
    "changed_other": "Turned the campaign into three lessons.",
}


@pytest.fixture
def source(campaign):
    return MaterialPageFactory(
        parent=campaign,
        title="Say No! video",
        summary="A video for teenagers on what to do when someone asks for images.",
        description="<p>A <b>short</b> film.</p>",
        owner_organisation="Europol",
        language_of_origin="en",
        audiences=["children"],
        topics=["sextortion"],
        files=[("en", "Video script")],
    )


@pytest.fixture
def member(db):
    return UserFactory(country=country("IE"), organisation="Webwise")


@pytest.fixture
def data():
    return {**ADAPTATION, "language": language("en").pk}


def moderator():
    """A CMS moderator: staff in Wagtail's Moderators group, who may publish."""
    user = EditorFactory()
    user.groups.set([Group.objects.get(name="Moderators")])
    return user


def adapt_url(material):
    return f"/materials/{material.pk}/adapt/"


def upload(name="lesson.txt", content=b"Lesson one: what sextortion is.\n"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def adapted(client, member, source, data):
    """A member adapts the source; returns the new page."""
    client.force_login(member)
    response = client.post(adapt_url(source), data)
    assert response.status_code == 302
    return MaterialPage.objects.get(title="Be in Ctrl")


def test_the_form_starts_from_the_source(client, member, source):
    client.force_login(member)
    response = client.get(adapt_url(source))
    assert response.status_code == 200
    form = dom(response).find("form", enctype="multipart/form-data")
    assert form.find("input", name="title").attrs["value"] == "Say No! video"
    assert "A short film." in form.find("textarea", name="description").text
    assert form.find("input", name="owner_organisation").attrs["value"] == "Webwise"
    assert "for Ireland" in visible_text(response)


def test_a_member_from_an_eu_country_starts_a_draft_in_review(client, member, source, data):
    client.force_login(member)
    response = client.post(adapt_url(source), data)
    adaptation = MaterialPage.objects.get(title="Be in Ctrl")
    assert response["Location"] == f"/materials/{adaptation.pk}/adapt/started/"
    assert not adaptation.live and adaptation.first_published_at is None
    assert adaptation.adapted_from_id == source.pk
    assert adaptation.get_parent().pk == source.get_parent().pk
    assert (adaptation.adapted_for.code, adaptation.language.code) == ("IE", "en")
    assert adaptation.adapted_by == member
    assert adaptation.owner_organisation == "Webwise"
    assert adaptation.changed_helplines.startswith("Childline")
    assert adaptation.changed_legal_references.startswith("Irish law")
    assert adaptation.changed_other == "Turned the campaign into three lessons."
    assert adaptation.description == "<p>Three lessons.</p><p>With a teacher&#x27;s guide.</p>"
    assert adaptation.translation_key != source.translation_key
    # The linked copy keeps what it was made from: files, topics, audiences.
    assert [f.label for f in adaptation.files.all()] == ["Video script"]
    assert [t.slug for t in adaptation.topics.all()] == ["sextortion"]
    assert [a.slug for a in adaptation.audiences.all()] == ["children"]
    state = WorkflowState.objects.get(object_id=str(adaptation.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == member
    assert adaptation.get_latest_revision().user == member


def test_the_member_is_thanked_and_pointed_to_my_adaptations(client, member, source, data):
    client.force_login(member)
    response = client.post(adapt_url(source), data, follow=True)
    text = visible_text(response)
    assert "Thank you" in text
    assert "An editor will check it" in text
    assert ("/materials/my-adaptations/", "My adaptations") in links(response)


def test_an_unchanged_description_keeps_the_sources_formatting(client, member, source, data):
    client.force_login(member)
    client.post(adapt_url(source), {**data, "description": "A short film."})
    assert MaterialPage.objects.get(title="Be in Ctrl").description == source.description


def test_new_files_become_public_documents_of_the_adaptation(client, member, source, data):
    client.force_login(member)
    client.post(adapt_url(source), {**data, "files": [upload(), upload("guide.txt")]})
    adaptation = MaterialPage.objects.get(title="Be in Ctrl")
    added = [f for f in adaptation.files.all() if f.label != "Video script"]
    assert [f.document.filename for f in added] == ["lesson.txt", "guide.txt"]
    assert {f.language.code for f in added} == {"en"}
    assert {f.document.collection.name for f in added} == {COLLECTION_NAME}


@pytest.mark.parametrize(
    "bad_file, message",
    [
        (upload("lesson.html", b"<html><script>alert(1)</script></html>"), "cannot be uploaded"),
        (upload("lesson.pdf", b"MZ\x90\x00 not a pdf"), "not a valid .pdf file"),
        (upload("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), "Files of a material can be"),
    ],
)
def test_a_bad_file_keeps_the_rest_of_the_form(client, member, source, data, bad_file, message):
    client.force_login(member)
    response = client.post(adapt_url(source), {**data, "files": [upload(), bad_file]})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "choose the files again" in visible_text(response)
    form = dom(response).find("form", enctype="multipart/form-data")
    assert form.find("input", name="title").attrs["value"] == "Be in Ctrl"
    assert "Childline" in form.find("textarea", name="changed_helplines").text
    assert not MaterialPage.objects.filter(adapted_from=source).exists()
    assert not get_document_model().objects.filter(collection__name=COLLECTION_NAME).exists()


def test_the_changes_must_be_described(client, member, source, data):
    client.force_login(member)
    empty = dict.fromkeys(("changed_helplines", "changed_legal_references", "changed_other"), "")
    response = client.post(adapt_url(source), {**data, **empty})
    assert response.status_code == 200
    assert "Say what you changed" in visible_text(response)
    assert not MaterialPage.objects.filter(adapted_from=source).exists()


def test_a_licence_without_changes_needs_the_owners_permission(client, member, campaign, data):
    closed = MaterialPageFactory(parent=campaign, licence=Licence.CC_BY_ND)
    client.force_login(member)
    response = client.post(adapt_url(closed), data)
    assert response.status_code == 200
    assert "has allowed us to adapt it" in visible_text(response)
    response = client.post(adapt_url(closed), {**data, "owner_permission": "on"})
    assert response.status_code == 302


def test_an_open_announcement_by_the_member_is_linked(client, member, source, data):
    target = timezone.localdate() + datetime.timedelta(days=30)
    announced = announce(source, member, country("IE"), language("en"), target, "Webwise")
    client.force_login(member)
    client.post(adapt_url(source), data)
    announced.refresh_from_db()
    assert announced.adaptation == MaterialPage.objects.get(title="Be in Ctrl")


# Who may adapt


@pytest.mark.parametrize("path", ["adapt", "announce"])
def test_anonymous_visitors_are_asked_to_sign_in(client, source, path):
    for response in (client.get(f"/materials/{source.pk}/{path}/"), client.post(adapt_url(source))):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert not MaterialPage.objects.filter(adapted_from=source).exists()


def test_a_member_without_a_country_is_asked_to_set_it(client, source, data):
    client.force_login(UserFactory(country=None))
    for response in (client.get(adapt_url(source)), client.post(adapt_url(source), data)):
        assert response.status_code == 403
        assert "Add your country to your profile" in visible_text(response)
        assert ("/accounts/profile/", "Set your country in your profile") in links(response)
    assert not MaterialPage.objects.filter(adapted_from=source).exists()


@pytest.mark.parametrize(
    "who, message",
    [
        ({"country_code": "NO"}, "members from EU member states"),
        ({"verified": False}, "Confirm your e-mail address first"),
    ],
)
def test_other_members_are_told_why_not(client, source, data, who, message):
    code = who.pop("country_code", "IE")
    client.force_login(UserFactory(country=country(code), **who))
    response = client.post(adapt_url(source), data)
    assert response.status_code == 403
    assert message in visible_text(response)
    assert not MaterialPage.objects.filter(adapted_from=source).exists()


def test_staff_are_members_too(client, source, data):
    client.force_login(EditorFactory(country=country("CY")))
    assert client.post(adapt_url(source), data).status_code == 302


def test_only_live_materials_can_be_adapted(client, member, campaign, source, data):
    draft = MaterialPageFactory(parent=campaign, live=False)
    client.force_login(member)
    assert client.get(adapt_url(draft)).status_code == 404
    assert client.post(adapt_url(draft), data).status_code == 404
    assert client.get(f"/materials/{campaign.pk}/adapt/").status_code == 404
    assert client.get("/materials/999999/adapt/").status_code == 404


def test_starting_an_adaptation_needs_the_csrf_token(member, source, data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(adapt_url(source), data).status_code == 403
    assert not MaterialPage.objects.filter(adapted_from=source).exists()


def test_the_thank_you_page_is_only_for_its_author(client, adapted):
    client.force_login(UserFactory(country=country("IE")))
    assert client.get(f"/materials/{adapted.pk}/adapt/started/").status_code == 404


# Review and publication


def test_drafts_never_show_publicly(client, adapted, source):
    client.logout()
    assert client.get(adapted.url).status_code == 404
    text = visible_text(client.get(source.url))
    assert "Adapted in" not in text and "Be in Ctrl" not in text
    lineage = visible_text(client.get(f"/materials/{source.pk}/lineage/"))
    assert "Be in Ctrl" not in lineage


def test_an_editor_publishing_it_links_both_ways(client, adapted, source):
    adapted.get_latest_revision().publish(user=moderator())
    adapted.refresh_from_db()
    assert adapted.live
    client.logout()
    on_source = dom(client.get(source.url)).find("section", cls="material-adaptations")
    assert "Adapted in: 🇮🇪 Ireland" in on_source.text
    assert (adapted.url, "🇮🇪 Ireland") in [
        (a.attrs["href"], a.text) for a in on_source.find_all("a")
    ]
    on_adaptation = dom(client.get(adapted.url)).find("section", cls="material-adaptation")
    assert "Adapted from Say No! video" in on_adaptation.text
    assert "Adapted for Ireland." in on_adaptation.text
    assert source.url in [a.attrs["href"] for a in on_adaptation.find_all("a")]


def test_approving_the_workflow_publishes_it(adapted):
    state = WorkflowState.objects.get(object_id=str(adapted.pk))
    state.current_task_state.approve(user=moderator())
    adapted.refresh_from_db()
    assert adapted.live
    assert adapted.get_parent().specific.title == "Say No!"


# My adaptations


def statuses(client):
    response = client.get("/materials/my-adaptations/")
    assert response.status_code == 200
    return [span.text for span in dom(response).find_all("span", cls="adaptation-status")]


def test_my_adaptations_follow_the_review(client, member, adapted):
    client.force_login(member)
    assert statuses(client) == ["In review"]
    state = WorkflowState.objects.get(object_id=str(adapted.pk))
    state.current_task_state.reject(user=moderator(), comment="Please add the 116 111 line.")
    assert statuses(client) == ["Changes requested"]
    assert "Please add the 116 111 line." in visible_text(client.get("/materials/my-adaptations/"))
    state.refresh_from_db()
    state.cancel(user=member)
    assert statuses(client) == ["Draft"]
    adapted.get_latest_revision().publish()
    assert statuses(client) == ["Published"]


def test_my_adaptations_lists_only_my_own(client, adapted):
    client.force_login(UserFactory(country=country("IE")))
    assert statuses(client) == []
    assert "You have not adapted any material yet" in visible_text(
        client.get("/materials/my-adaptations/")
    )


def test_my_adaptations_needs_signing_in(client):
    response = client.get("/materials/my-adaptations/")
    assert response["Location"].startswith("/accounts/login/")


def test_moderation_status_without_prefetching(adapted):
    assert moderation_status(MaterialPage.objects.get(pk=adapted.pk)) == ModerationStatus.IN_REVIEW


def test_a_title_in_another_script_gets_an_address(client, data, source):
    client.force_login(UserFactory(country=country("CY")))
    greek = {**data, "title": "Πες Όχι!", "language": language("el").pk}
    assert client.post(adapt_url(source), greek).status_code == 302
    assert MaterialPage.objects.get(title="Πες Όχι!").slug == "πες-όχι-cy"


# E-mail to the member who adapted


def decide(adapted, action, django_capture_on_commit_callbacks, **kwargs):
    state = WorkflowState.objects.get(object_id=str(adapted.pk))
    with django_capture_on_commit_callbacks(execute=True):
        getattr(state.current_task_state, action)(user=moderator(), **kwargs)


def test_the_member_is_told_when_the_adaptation_is_published(
    member, adapted, mailoutbox, django_capture_on_commit_callbacks
):
    decide(adapted, "approve", django_capture_on_commit_callbacks)
    [mail] = [m for m in mailoutbox if member.email in m.to]
    assert mail.subject == "Published: “Be in Ctrl”"
    assert f"http://127.0.0.1:8000{adapted.url}" in mail.body  # SITE_URL, not the site's host
    assert "/materials/my-adaptations/" in mail.body
    assert "/admin/" not in mail.body  # members cannot open the CMS


def test_the_member_is_told_in_their_own_language(
    member, adapted, mailoutbox, django_capture_on_commit_callbacks
):
    """The adaptation is in English and the moderator works in English; the member reads
    German."""
    member.preferred_language = "de"
    member.save(update_fields=["preferred_language"])
    decide(adapted, "approve", django_capture_on_commit_callbacks)
    [mail] = [m for m in mailoutbox if member.email in m.to]
    assert mail.subject == "Veröffentlicht: „Be in Ctrl“"
    assert mail.extra_headers["Content-Language"] == "de"
    assert "http://127.0.0.1:8000/de/materials/my-adaptations/" in mail.body


def test_the_member_is_told_what_to_change(
    member, adapted, mailoutbox, django_capture_on_commit_callbacks
):
    decide(adapted, "reject", django_capture_on_commit_callbacks, comment="Add the 116 111 line.")
    [mail] = [m for m in mailoutbox if member.email in m.to]
    assert mail.subject == "Changes requested: “Be in Ctrl”"
    assert "Add the 116 111 line." in mail.body
    assert "/admin/" not in mail.body


def test_a_mail_server_that_is_down_does_not_undo_the_publication(
    member, adapted, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.helpers.MailServerDown"
    decide(adapted, "approve", django_capture_on_commit_callbacks)
    adapted.refresh_from_db()
    assert adapted.live


def test_after_an_error_focus_can_land_on_the_error_summary(client, member, source, data):
    client.force_login(member)
    empty = dict.fromkeys(("changed_helplines", "changed_legal_references", "changed_other"), "")
    response = client.post(adapt_url(source), {**data, **empty})

    summary = dom(response).find(cls="error-summary")
    assert (summary.attrs["role"], summary.attrs["tabindex"]) == ("alert", "-1")
    assert "data-error-summary" in summary.attrs
    scripts = [s.attrs.get("src", "") for s in dom(response).find_all("script")]
    assert any(src.endswith("portal/js/error-summary.js") for src in scripts)
