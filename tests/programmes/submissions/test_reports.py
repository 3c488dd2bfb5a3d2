"""Any member reports on running a programme: where and when, adaptations, barriers,
fidelity, cost and what they saw; moderated like evaluations."""

from wagtail.models import WorkflowState

import pytest

from programmes.models import ImplementationReportPage
from tests.factories.portal import UserFactory
from tests.factories.programmes import ImplementationReportWithKindsFactory
from tests.helpers import dom, visible_text
from vocabularies.models import AdaptationKind, Barrier, Setting

from .support import MINE_URL, REPORT_URL, mail_to, moderate, report_data, workflow_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def practitioner(db):
    return UserFactory(first_name="Piotr")


def kinds(model, *slugs):
    return [str(pk) for pk in model.objects.filter(slug__in=slugs).values_list("pk", flat=True)]


def test_a_practitioners_report_from_submission_to_publication(
    client, practitioner, programme, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(practitioner)
    form = dom(client.get(f"{REPORT_URL}?programme={programme.pk}"))
    assert form.find("select", name="programme").find("option", selected="").text == "Stop it Now"
    data = report_data(
        programme,
        setting=str(Setting.objects.get(slug="community").pk),
        adaptation_kinds=kinds(AdaptationKind, "translation", "helplines"),
        barrier_kinds=kinds(Barrier, "recruitment"),
    )
    assert client.post(REPORT_URL, data)["Location"] == MINE_URL
    report = ImplementationReportPage.objects.get()
    assert report.title == "Kraków, Poland (2022)"
    assert (report.owner, report.live, report.get_parent().pk) == (
        practitioner,
        False,
        programme.pk,
    )
    assert {k.slug for k in report.adaptation_kinds.all()} == {"translation", "helplines"}
    assert [b.slug for b in report.barrier_kinds.all()] == ["recruitment"]
    assert (report.fidelity, report.setting.slug) == ("partial", "community")

    capture = django_capture_on_commit_callbacks
    moderate(client, moderator, report, "reject", "Which city districts?", capture=capture)
    [message] = mail_to(mailoutbox, practitioner)
    assert "Which city districts?" in message.body

    client.force_login(practitioner)
    edit_url = f"/contribute/report/{report.pk}/edit/"
    form = dom(client.get(edit_url))
    checked = [
        i.attrs["value"]
        for i in form.find_all("input", name="barrier_kinds")
        if "checked" in i.attrs
    ]
    assert checked == kinds(Barrier, "recruitment")
    data["place"] = "Kraków, Nowa Huta"
    assert client.post(edit_url, data)["Location"] == MINE_URL
    assert workflow_state(report).status == WorkflowState.STATUS_IN_PROGRESS

    moderate(client, moderator, report, "approve", capture=capture)
    assert report.live and report.place == "Kraków, Nowa Huta"
    assert "published" in mail_to(mailoutbox, practitioner)[-1].subject.lower()
    client.logout()
    assert "Kraków, Nowa Huta" in visible_text(client.get(programme.url))


def test_a_report_is_checked_and_keeps_what_was_typed(client, practitioner, programme):
    client.force_login(practitioner)
    data = report_data(
        programme, started="2099-01-01", ended="2020-01-01", observations="", country=""
    )
    page = dom(client.post(REPORT_URL, data))
    summary = page.find("div", cls="error-summary").text
    assert "Started on: The start date is in the future." in summary
    assert "Country: This field is required." in summary
    assert "What you observed: This field is required." in summary
    assert page.find("input", name="started").attrs["value"] == "2099-01-01"
    assert page.find("textarea", name="cost").text == "Two part-time therapists."
    assert not ImplementationReportPage.objects.exists()


def test_the_end_cannot_come_before_the_start(client, practitioner, programme):
    client.force_login(practitioner)
    page = dom(client.post(REPORT_URL, report_data(programme, ended="2021-01-01")))
    assert "The end date is before the start date." in page.find("div", cls="error-summary").text


def test_a_report_draft_needs_only_the_country(client, practitioner, programme):
    client.force_login(practitioner)
    data = report_data(programme, action="draft", started="", observations="", title="Pilot")
    response = client.post(REPORT_URL, data)
    report = ImplementationReportPage.objects.get()
    assert response["Location"] == f"/contribute/report/{report.pk}/edit/"
    assert report.title == "Pilot"
    assert workflow_state(report) is None


def test_a_saved_draft_shows_its_kinds_when_edited(client, practitioner, programme):
    report = ImplementationReportWithKindsFactory(
        parent=programme,
        live=False,
        owner=practitioner,
        adaptation_kinds=["dosage"],
        barrier_kinds=["funding", "stigma"],
    )
    client.force_login(practitioner)
    form = dom(client.get(f"/contribute/report/{report.pk}/edit/"))

    def checked(name):
        return {i.attrs["value"] for i in form.find_all("input", name=name) if "checked" in i.attrs}

    assert checked("adaptation_kinds") == set(kinds(AdaptationKind, "dosage"))
    assert checked("barrier_kinds") == set(kinds(Barrier, "funding", "stigma"))
    assert "Draft" in visible_text(client.get(MINE_URL))
