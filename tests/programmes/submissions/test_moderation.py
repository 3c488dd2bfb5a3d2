"""Submissions go through the CMS's moderation workflow: a moderator publishes them or asks
for changes in the Wagtail admin, and the member is e-mailed and sees it on My submissions."""

import smtplib

from django.core.mail.backends import locmem

from wagtail.models import WorkflowState

import pytest

from programmes.models import EvaluationPage, ProgrammeRating, RatingChange
from programmes.submissions.notifications import send_member_email
from tests.factories.portal import EditorFactory
from tests.factories.programmes import EvaluationPageFactory
from tests.helpers import dom, visible_text

from .support import (
    EVALUATION_URL,
    MINE_URL,
    evaluation_data,
    mail_to,
    moderate,
    outcome_row,
    workflow_state,
)

pytestmark = pytest.mark.django_db

REASON = "Please add the DOI of the follow-up paper and the sample size per group."


@pytest.fixture
def submitted(client, researcher, programme, moderator):
    """The researcher sends an evaluation for review through the form."""
    client.force_login(researcher)
    response = client.post(EVALUATION_URL, evaluation_data(programme))
    assert response.status_code == 302
    return EvaluationPage.objects.get(title="Beier et al. 2015")


def statuses(client, user):
    client.force_login(user)
    response = client.get(MINE_URL)
    return [span.text for span in dom(response).find_all("span", cls="submission-status")]


# Publishing


def test_submitting_starts_the_moderators_workflow(submitted, researcher):
    state = workflow_state(submitted)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderators approval"
    assert state.requested_by == researcher
    assert state.current_task_state.revision == submitted.get_latest_revision()
    assert not submitted.live


def test_moderators_are_told_of_a_new_submission(submitted, moderator, mailoutbox):
    assert mail_to(mailoutbox, moderator), "the moderators' group is e-mailed by Wagtail"


def test_approving_in_the_cms_publishes_it_and_recomputes_the_rating(
    client, submitted, moderator, programme, django_capture_on_commit_callbacks
):
    assert not ProgrammeRating.objects.filter(programme=programme).exists()
    moderate(client, moderator, submitted, "approve", capture=django_capture_on_commit_callbacks)
    assert submitted.live
    assert ProgrammeRating.objects.get(programme=programme).level == "supported"
    change = RatingChange.objects.get(translation_key=programme.translation_key)
    assert (change.old_level, change.new_level) == ("", "supported")
    assert change.evaluation_id == submitted.pk
    assert (change.reason["event"], change.reason["evaluation"]["title"]) == (
        "published",
        "Beier et al. 2015",
    )
    assert change.reason["findings"]["positive"] == ["knowledge"]
    client.logout()
    assert "Beier et al. 2015" in visible_text(client.get(programme.url))


def test_the_member_is_e_mailed_when_it_is_published(
    client, submitted, moderator, researcher, mailoutbox, django_capture_on_commit_callbacks
):
    moderate(client, moderator, submitted, "approve", capture=django_capture_on_commit_callbacks)
    [message] = mail_to(mailoutbox, researcher)
    assert message.subject == "Published: “Beier et al. 2015”"
    assert f"http://127.0.0.1:8000{submitted.url}" in message.body  # SITE_URL
    assert "/contribute/mine/" in message.body
    assert "/admin/" not in message.body
    assert statuses(client, researcher) == ["Published"]


def test_the_member_hears_in_their_own_language_not_the_moderators(
    client, submitted, moderator, researcher, mailoutbox, django_capture_on_commit_callbacks
):
    researcher.preferred_language = "de"
    researcher.save(update_fields=["preferred_language"])
    moderate(client, moderator, submitted, "approve", capture=django_capture_on_commit_callbacks)
    [message] = mail_to(mailoutbox, researcher)
    assert message.subject == "Veröffentlicht: „Beier et al. 2015“"
    assert message.extra_headers["Content-Language"] == "de"
    assert "http://127.0.0.1:8000/de/contribute/mine/" in message.body


def test_a_polish_member_is_asked_for_changes_with_polish_links(
    client, submitted, moderator, researcher, mailoutbox, django_capture_on_commit_callbacks
):
    researcher.preferred_language = "pl"
    researcher.save(update_fields=["preferred_language"])
    moderate(
        client, moderator, submitted, "reject", REASON, capture=django_capture_on_commit_callbacks
    )
    [message] = mail_to(mailoutbox, researcher)
    assert message.extra_headers["Content-Language"] == "pl"
    assert f"http://127.0.0.1:8000/pl/contribute/evaluation/{submitted.pk}/" in message.body
    assert "http://127.0.0.1:8000/pl/contribute/mine/" in message.body


# Requesting changes


def test_requested_changes_reach_the_member_with_the_reason(
    client, submitted, moderator, researcher, mailoutbox, django_capture_on_commit_callbacks
):
    moderate(
        client, moderator, submitted, "reject", REASON, capture=django_capture_on_commit_callbacks
    )
    assert workflow_state(submitted).status == WorkflowState.STATUS_NEEDS_CHANGES
    [message] = mail_to(mailoutbox, researcher)
    assert message.subject == "Changes requested: “Beier et al. 2015”"
    assert REASON in message.body
    assert f"/contribute/evaluation/{submitted.pk}/edit/" in message.body
    assert "/admin/" not in message.body
    assert statuses(client, researcher) == ["Changes requested"]
    mine = dom(client.get(MINE_URL))
    assert REASON in mine.find("blockquote", cls="submission-reason").text
    edit_links = [a.attrs["href"] for a in mine.find_all("a")]
    assert f"/contribute/evaluation/{submitted.pk}/edit/" in edit_links


def test_the_member_edits_and_sends_it_again_in_the_same_workflow(
    client, submitted, moderator, researcher, programme, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    moderate(client, moderator, submitted, "reject", REASON, capture=capture)
    first = workflow_state(submitted)
    client.force_login(researcher)
    edit_url = f"/contribute/evaluation/{submitted.pk}/edit/"
    form_page = client.get(edit_url)
    assert REASON in dom(form_page).find("blockquote", cls="submission-reason").text
    assert dom(form_page).find("input", name="sample_size").attrs["value"] == "75"

    changed = evaluation_data(
        programme, outcome_row(), outcome_row("attitudes", "none", "not_significant"),
        sample_size="150", **{"results-INITIAL_FORMS": "1"},
    )  # fmt: skip
    assert client.post(edit_url, changed)["Location"] == MINE_URL
    state = workflow_state(submitted)
    assert state.pk == first.pk, "resumed, not a second workflow"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(submitted.pk)).count() == 1
    submitted.refresh_from_db()
    assert state.current_task_state.revision == submitted.get_latest_revision()
    assert state.current_task_state.revision.as_object().sample_size == 150
    assert statuses(client, researcher) == ["In review"]

    moderate(client, moderator, submitted, "approve", capture=capture)
    published = EvaluationPage.objects.get(pk=submitted.pk)
    assert published.live and published.sample_size == 150
    assert [r.outcome.slug for r in published.results.all()] == ["knowledge", "attitudes"]


# E-mail: members never get the CMS's e-mails, and a mail server that is down breaks nothing


def test_a_cms_user_who_asked_for_review_gets_wagtails_e_mail_instead(
    programme, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    editor = EditorFactory()
    page = EvaluationPageFactory(parent=programme, live=False, owner=editor)
    page.get_workflow().start(page, editor)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_state(page).current_task_state.approve(user=moderator)
    [message] = mail_to(mailoutbox, editor)
    assert "has been approved" in message.subject
    assert "Published:" not in message.subject


@pytest.fixture
def mail_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, b"Service not available")

    monkeypatch.setattr(locmem.EmailBackend, "open", refuse)
    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse)


def test_with_the_mail_server_down_a_submission_is_still_sent(
    client, researcher, programme, moderator, mail_down, mailoutbox
):
    client.force_login(researcher)
    response = client.post(EVALUATION_URL, evaluation_data(programme))
    assert response.status_code == 302
    page = EvaluationPage.objects.get(title="Beier et al. 2015")
    assert workflow_state(page).status == WorkflowState.STATUS_IN_PROGRESS
    assert mailoutbox == []


def test_with_the_mail_server_down_a_moderator_can_still_request_changes(
    client, submitted, moderator, researcher, mail_down, django_capture_on_commit_callbacks
):
    moderate(
        client, moderator, submitted, "reject", REASON, capture=django_capture_on_commit_callbacks
    )
    assert workflow_state(submitted).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert statuses(client, researcher) == ["Changes requested"]
    assert send_member_email("changes_requested", submitted.pk, researcher, REASON) is False
