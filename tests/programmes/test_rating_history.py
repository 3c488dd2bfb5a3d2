"""Every change of a programme's rating is kept, with the date, the levels before and after
(headline and per outcome) and the reason."""

from django.template.loader import render_to_string

import pytest

from programmes.explanations import change_reason
from programmes.models import RatingChange
from programmes.ratings import evaluation_reason, rating_history, refresh_rating
from tests.factories.programmes import EvaluationPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(catalogue):
    return ProgrammePageFactory(parent=catalogue)


def two_outcome_evaluation(programme, **kwargs):
    return EvaluationPageFactory(
        parent=programme,
        live=False,
        title="Beier et al. 2015",
        results=[
            {"outcome": "sexual-reoffending", "direction": "positive"},
            {"outcome": "attitudes", "direction": "none", "significance": "not_significant"},
        ],
        **kwargs,
    )


def test_publishing_an_evaluation_records_the_change_and_its_reason(programme, publish):
    evaluation = publish(two_outcome_evaluation(programme))

    [change] = rating_history(programme)
    assert (change.old_level, change.new_level) == ("", "supported")
    assert change.old_label is None and change.new_label == "Supported"
    assert change.evaluation_id == evaluation.pk
    assert change.reason == {
        "code": "evaluation",
        "event": "published",
        "evaluation": {"key": str(evaluation.translation_key), "title": "Beier et al. 2015"},
        "design": "rct",
        "findings": {"positive": ["sexual-reoffending"], "none": ["attitudes"], "harmful": []},
    }
    assert change.legacy_reason == ""
    assert change_reason(change) == [
        "The evaluation “Beier et al. 2015” was published.",
        "Its design: Randomised controlled trial.",
        "It found a positive effect on Sexual re-offending.",
        "It found no effect on Attitudes.",
    ]
    by_outcome = {c["outcome"]: (c["old"], c["new"]) for c in change.outcomes}
    assert by_outcome == {
        "sexual-reoffending": (None, "supported"),
        "attitudes": (None, "no_effect"),
    }


def test_a_later_evaluation_records_only_what_changed(programme, publish):
    publish(two_outcome_evaluation(programme))
    second = EvaluationPageFactory(
        parent=programme,
        live=False,
        title="Replication 2019",
        follow_up_months=24,
        results=[{"outcome": "sexual-reoffending", "direction": "positive"}],
    )
    publish(second)

    latest, first = rating_history(programme)
    assert (latest.old_level, latest.new_level) == ("supported", "well_supported")
    assert latest.outcomes == [
        {"outcome": "sexual-reoffending", "old": "supported", "new": "well_supported"}
    ]
    assert [c["name"] for c in latest.outcome_changes()] == ["Sexual re-offending"]
    assert change_reason(latest)[0] == "The evaluation “Replication 2019” was published."
    assert first.new_level == "supported"


def test_recomputing_the_same_rating_records_nothing(programme, publish):
    publish(two_outcome_evaluation(programme))
    refresh_rating(programme)
    refresh_rating(programme, reason={"code": "recomputed"})
    assert RatingChange.objects.count() == 1


def test_a_programme_without_evaluations_has_no_history(programme):
    refresh_rating(programme)
    assert not rating_history(programme).exists()


def test_unpublishing_records_the_fall_back(programme, publish, django_capture_on_commit_callbacks):
    evaluation = publish(two_outcome_evaluation(programme))
    with django_capture_on_commit_callbacks(execute=True):
        evaluation.unpublish()

    latest = rating_history(programme).first()
    assert (latest.old_level, latest.new_level) == ("supported", "insufficient")
    assert latest.reason["event"] == "unpublished"
    assert change_reason(latest)[0] == "The evaluation “Beier et al. 2015” was unpublished."
    assert {c["outcome"]: c["new"] for c in latest.outcomes} == {
        "sexual-reoffending": None,
        "attitudes": None,
    }


def test_deleting_the_evaluation_keeps_the_history(
    programme, publish, django_capture_on_commit_callbacks
):
    evaluation = publish(two_outcome_evaluation(programme))
    with django_capture_on_commit_callbacks(execute=True):
        evaluation.delete()

    latest, first = rating_history(programme)
    assert (latest.reason["event"], latest.reason["evaluation"]["title"]) == (
        "deleted",
        "Beier et al. 2015",
    )
    assert change_reason(latest)[0] == "The evaluation “Beier et al. 2015” was deleted."
    assert latest.new_level == "insufficient"
    assert first.evaluation is None  # the link is cleared, the record stays


def test_translations_share_one_history(programme, publish):
    german = programme.copy_for_translation(_locale("de"), copy_parents=True)
    german.save_revision().publish()
    publish(two_outcome_evaluation(programme))
    assert list(rating_history(german)) == list(rating_history(programme))
    assert rating_history(german).count() == 1


def test_a_reason_lists_harm_and_a_descriptive_design(programme):
    evaluation = EvaluationPageFactory(
        parent=programme,
        live=False,
        title="Process study",
        design_slug="qualitative",
        results=[{"outcome": "wellbeing", "direction": "harmful"}],
    )
    reason = evaluation_reason(evaluation, "published")
    assert (reason["design"], reason["findings"]["harmful"]) == ("qualitative", ["wellbeing"])
    assert change_reason(RatingChange(reason=reason))[1:] == [
        "Its design: Qualitative or process evaluation.",
        "It found a harmful effect on Wellbeing.",
    ]


def test_a_change_no_evaluation_caused_is_recorded_as_a_code(programme, publish):
    publish(two_outcome_evaluation(programme))
    RatingChange.objects.all().delete()
    from programmes.models import ProgrammeRating

    ProgrammeRating.objects.update(level="promising")  # as if an older rubric had said so
    refresh_rating(programme)
    [change] = rating_history(programme)
    assert change.reason == {"code": "recomputed"}
    assert change_reason(change) == ["Ratings recomputed from the published evaluations."]


def _strings(data, skip=("label", "title")):
    """Every string in stored JSON, except evaluation labels and titles (content, not ours)."""
    if isinstance(data, dict):
        return [s for key, value in data.items() if key not in skip for s in _strings(value)]
    if isinstance(data, list):
        return [s for item in data for s in _strings(item)]
    return [data] if isinstance(data, str) else []


def test_nothing_english_is_stored_for_new_ratings(programme, publish):
    import re

    from programmes.models import OutcomeRating, ProgrammeRating

    publish(two_outcome_evaluation(programme, sample_size=12))
    stored = [
        *ProgrammeRating.objects.values_list("explanation", flat=True),
        *OutcomeRating.objects.values_list("explanation", flat=True),
        *OutcomeRating.objects.values_list("reasons", flat=True),
        *RatingChange.objects.values_list("reason", flat=True),
        *RatingChange.objects.values_list("outcomes", flat=True),
    ]
    strings = _strings(stored)
    assert strings, "the ratings were stored"
    # Codes, slugs, levels and ids only: no sentence, no name, no space.
    assert [s for s in strings if not re.fullmatch(r"[a-z0-9_-]+", s)] == []
    assert set(RatingChange.objects.values_list("legacy_reason", flat=True)) == {""}


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=code)[0]


def test_a_change_that_kept_the_headline_reads_as_unchanged_not_as_a_transition():
    kept = RatingChange(
        old_level="insufficient",
        new_level="insufficient",
        outcomes=[{"outcome": "attitudes", "old": None, "new": "insufficient"}],
        reason={"code": "recomputed"},
        rubric_version="1",
    )
    rose = RatingChange(old_level="", new_level="promising", reason={"code": "recomputed"})
    html = render_to_string(
        "programmes/includes/rating_history.html", {"rating_history": [kept, rose]}
    )
    assert "Insufficient evidence → " not in html
    assert "Unchanged: <strong>Insufficient evidence</strong>" in html
    assert "Not rated → <strong>Promising</strong>" in html
    assert "Attitudes: not rated → Insufficient evidence" in html
