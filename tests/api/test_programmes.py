"""Programmes, evaluations, ratings and reports in the open-data API: stable ids across
languages, the computed rating and its history, results per outcome, and only what is
published."""

import uuid

import pytest

from programmes.models import EvaluationPage
from tests.factories.campaigns import translate
from tests.factories.programmes import EvaluationPageFactory, ProgrammePageFactory
from tests.programmes.conftest import german_words  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def get(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def ids(found):
    return [item["id"] for item in found["results"]]


def test_a_programme_has_one_id_in_every_language(client, content):
    found = get(client, "/api/v1/programmes/")
    therapy = next(item for item in found["results"] if item["title"].startswith("Anonymous"))
    assert therapy["id"] == str(content.therapy.translation_key)
    assert content.therapy_de.translation_key == content.therapy.translation_key
    assert content.therapy_de.pk != content.therapy.pk  # the page ids differ, the id does not
    assert [(v["language"], v["url"]) for v in therapy["versions"]] == [
        ("de", "http://localhost/de/programmes/anonymous-therapy-for-people-who-fear-they-might-offend/"),
        ("en", "http://localhost/programmes/anonymous-therapy-for-people-who-fear-they-might-offend/"),
    ]  # fmt: skip
    assert len(found["results"]) == found["count"] == 2  # one item per programme, not per page


def test_lang_chooses_the_version_shown_and_falls_back_to_english(client, content):
    url = f"/api/v1/programmes/{content.therapy.translation_key}/"
    german = get(client, url, {"lang": "de"})
    assert (german["language"], german["url"]) == (
        "de",
        "http://localhost/de/programmes/anonymous-therapy-for-people-who-fear-they-might-offend/",
    )
    assert german["id"] == get(client, url)["id"] == str(content.therapy.translation_key)
    prison = get(client, f"/api/v1/programmes/{content.prison.translation_key}/", {"lang": "de"})
    assert prison["language"] == "en"  # no German version: the English one


def test_the_detail_has_the_full_rating_evaluations_and_reports(client, content):
    found = get(client, f"/api/v1/programmes/{content.therapy.translation_key}/")
    rating = found["rating"]
    assert (rating["level"], rating["label"], rating["rubric_version"]) == (
        "supported",
        "Supported",
        "1.0",
    )
    outcomes = {o["outcome"]["slug"]: o for o in rating["outcomes"]}
    assert outcomes["dynamic-risk-factors"]["level"] == "supported"
    assert outcomes["wellbeing"]["level"] == "no_effect"
    assert "Randomised trial of the therapy" in outcomes["wellbeing"]["explanation"]
    assert outcomes["wellbeing"]["reasons"]
    assert [e["id"] for e in found["evaluations"]] == [str(content.evaluation.translation_key)]
    assert found["evaluations"][0]["design"] == {
        "slug": "rct",
        "name": "Randomised controlled trial",
        "tier": "strong",
    }
    assert [r["title"] for r in found["implementation_reports"]] == ["Running it in Vienna"]


def test_a_programme_without_evaluations_has_insufficient_evidence_and_says_why(client, content):
    never_rated = ProgrammePageFactory(parent=content.catalogue)  # no on-commit refresh ran
    for programme, computed in ((content.prison, True), (never_rated, False)):
        rating = get(client, f"/api/v1/programmes/{programme.translation_key}/rating/")
        assert rating["level"] == "insufficient"
        assert rating["explanation"] == (
            "Insufficient evidence: this programme has no published evaluations."
        )
        assert rating["outcomes"] == []
        assert (rating["computed_at"] is not None) is computed


def test_publishing_an_evaluation_changes_the_rating_and_keeps_the_history(
    client, content, publish
):
    url = f"/api/v1/programmes/{content.prison.translation_key}/rating/"
    assert get(client, url + "history/")["count"] == 0
    evaluation = EvaluationPageFactory(
        parent=content.prison,
        title="Trial in French prisons",
        live=False,
        results=[{"outcome": "sexual-reoffending", "direction": "harmful"}],
    )
    publish(evaluation)
    assert get(client, url)["level"] == "harmful"
    (change,) = get(client, url + "history/")["results"]
    assert (change["old_level"], change["new_level"]) == ("insufficient", "harmful")
    assert change["outcomes"] == [
        {"outcome": "sexual-reoffending", "name": "Sexual re-offending", "old": None,
         "new": "harmful"},
    ]  # fmt: skip
    assert change["reason"] == (
        "The evaluation “Trial in French prisons” was published. Its design: Randomised "
        "controlled trial. It found a harmful effect on Sexual re-offending."
    )
    assert change["evaluation"] == str(evaluation.translation_key)
    # The history is the programme's, whichever language version is asked for.
    german = translate(content.prison, "de")
    assert german.translation_key == content.prison.translation_key
    assert get(client, url + "history/")["count"] == 1


def test_evaluations_have_their_results_per_outcome(client, content):
    (evaluation,) = get(client, "/api/v1/evaluations/")["results"]
    assert evaluation["id"] == str(content.evaluation.translation_key)
    assert evaluation["programme"] == {
        "id": str(content.therapy.translation_key),
        "title": content.therapy.title,
    }
    assert evaluation["results"] == [
        {
            "outcome": {"slug": "dynamic-risk-factors", "name": "Dynamic risk factors"},
            "direction": "positive",
            "significance": "significant",
            "effect_size": -0.35,
            "effect_size_measure": "Cohen's d",
            "note": "",
        },
        {
            "outcome": {"slug": "wellbeing", "name": "Wellbeing"},
            "direction": "none",
            "significance": "not_significant",
            "effect_size": None,
            "effect_size_measure": "",
            "note": "",
        },
    ]
    assert (evaluation["publication_year"], evaluation["follow_up_months"]) == (2021, 24)
    assert evaluation["countries"] == [{"code": "DE", "name": "Germany"}]
    detail = get(client, f"/api/v1/evaluations/{evaluation['id']}/")
    assert detail == evaluation


def test_implementation_reports_are_listed_with_their_programme(client, content):
    (report,) = get(client, "/api/v1/implementation-reports/")["results"]
    assert report["id"] == str(content.report.translation_key)
    assert report["programme"]["id"] == str(content.therapy.translation_key)
    assert (report["country"], report["place"], report["started"]) == (
        {"code": "DE", "name": "Germany"},
        "Berlin",
        "2021-03-01",
    )


def test_drafts_and_evaluations_in_moderation_never_appear(client, content):
    submitted = EvaluationPageFactory(
        parent=content.prison, title="Submitted evaluation awaiting review", live=False
    )
    assert not EvaluationPage.objects.get(pk=submitted.pk).live
    listed = [
        get(client, "/api/v1/programmes/"),
        get(client, "/api/v1/evaluations/"),
        get(client, "/api/v1/programmes/", {"country": "DE"}),
    ]
    text = str(listed)
    assert "Unpublished draft programme" not in text
    assert "Submitted evaluation awaiting review" not in text
    for page in (content.draft, submitted):
        get(client, f"/api/v1/programmes/{page.translation_key}/", status=404)
        get(client, f"/api/v1/evaluations/{page.translation_key}/", status=404)


def test_an_unknown_id_is_a_json_404(client, content):
    found = get(client, f"/api/v1/programmes/{uuid.uuid4()}/", status=404)
    assert found == {"detail": "Nothing published has this id."}
    assert get(client, "/api/v1/nothing-here/", status=404)["detail"].endswith("/api/v1/.")


def test_a_page_id_is_not_an_id(client, content):
    response = client.get(f"/api/v1/programmes/{content.therapy.pk}/")
    assert response.status_code == 404


@pytest.mark.usefixtures("german_words")
def test_explanations_are_worded_in_the_language_lang_names(client, content):
    url = f"/api/v1/programmes/{content.therapy.translation_key}/rating/"
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="de").json()
    assert english["explanation"].startswith("Supported for ")  # English unless lang says
    german = get(client, url, {"lang": "de"})
    assert german["explanation"].startswith("Belegt für ")
    assert german["explanation"].endswith("die Gründe stehen bei jedem Ergebnis.")
    history = get(client, url + "history/", {"lang": "de"})["results"]
    assert history and all(c["reason"].startswith("Die Evaluation „") for c in history)
