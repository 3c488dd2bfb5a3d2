"""What a browser posts to the submission forms, and the steps the tests share."""

from wagtail.models import WorkflowState

from programmes.models import StudyDesign
from vocabularies.models import Country, Outcome, PreventionLevel, TargetGroup

EVALUATION_URL = "/contribute/evaluation/new/"
REPORT_URL = "/contribute/report/new/"
PROPOSE_URL = "/contribute/programme/new/"
MINE_URL = "/contribute/mine/"


def outcome_row(outcome="knowledge", direction="positive", significance="significant", **extra):
    """One outcome row as the browser posts it (the significance radio is always checked)."""
    return {
        "outcome": str(Outcome.objects.get(slug=outcome).pk) if outcome else "",
        "direction": direction,
        "significance": significance,
        "effect_size": "",
        "effect_size_measure": "",
        "note": "",
        **extra,
    }


EMPTY_ROW = {"outcome": "", "significance": "not_reported"}


def rows(*given, initial=0):
    """The outcome formset's management form and rows, prefixed as the browser posts them."""
    data = {
        "results-TOTAL_FORMS": str(len(given)),
        "results-INITIAL_FORMS": str(initial),
        "results-MIN_NUM_FORMS": "0",
        "results-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(given):
        data.update({f"results-{index}-{name}": value for name, value in row.items()})
    return data


def evaluation_data(programme, *outcome_rows, action="submit", **fields):
    """A complete, valid evaluation, with ``fields`` changed and ``outcome_rows`` (default: one
    positive result on knowledge, and an empty second row)."""
    data = {
        "programme": str(programme.pk),
        "title": "Beier et al. 2015",
        "reference": "Beier, K. M. et al. (2015). The Dunkelfeld prevention project. J Sex Med.",
        "doi": "10.1111/jsm.12785",
        "study_url": "https://example.org/dunkelfeld",
        "publication_year": "2015",
        "design": str(StudyDesign.objects.get(slug="rct").pk),
        "sample_size": "75",
        "comparison_group": "Waiting list",
        "follow_up_months": "12",
        "independence": "developer",
        "countries": [str(Country.objects.get(code="DE").pk)],
        "summary": "Fewer risk factors after treatment.",
        "action": action,
        **rows(*(outcome_rows or (outcome_row(), EMPTY_ROW))),
    }
    data.update(fields)
    return data


def report_data(programme, action="submit", **fields):
    data = {
        "programme": str(programme.pk),
        "title": "",
        "country": str(Country.objects.get(code="PL").pk),
        "place": "Kraków",
        "started": "2022-09-01",
        "ended": "2023-06-30",
        "setting": "",
        "adaptations": "Translated the manual into Polish.",
        "barriers": "Hard to recruit participants.",
        "fidelity": "partial",
        "cost": "Two part-time therapists.",
        "observations": "Participants stayed until the end.",
        "action": action,
    }
    data.update(fields)
    return data


def proposal(**fields):
    """A complete proposed programme, with ``fields`` changed."""
    data = {
        "title": "Talking for Change",
        "summary": "Group sessions for people who fear they might offend.",
        "organisation": "Example Prevention Foundation",
        "website": "https://example.org/talking",
        "contact": "info@example.org",
        "target_groups": [str(TargetGroup.objects.get(slug="fear-they-might-offend").pk)],
        "prevention_levels": [str(PreventionLevel.objects.get(slug="secondary").pk)],
        "settings": [],
        "countries": [str(Country.objects.get(code="NL").pk)],
        "status": "active",
        "start_year": "2019",
        "action": "submit",
    }
    data.update(fields)
    return data


def workflow_state(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()


def moderate(client, moderator, page, action, comment="", capture=None):
    """Press "Approve" or "Request changes" in the CMS, as the moderator."""
    client.force_login(moderator)
    task_state = workflow_state(page).current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    with capture(execute=True):
        response = client.post(url, {"comment": comment})
    assert response.status_code == 302, response.content[:500]
    assert response["Location"].startswith("/admin/")
    page.refresh_from_db()
    return page


def mail_to(mailoutbox, user):
    return [message for message in mailoutbox if user.email in message.to]
