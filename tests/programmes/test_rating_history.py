"""Every change of a programme's rating is kept, with the date, the levels before and after
(headline and per outcome) and the reason."""

import pytest

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
    assert change.reason == (
        "Evaluation “Beier et al. 2015” published: randomised controlled trial, "
        "positive on sexual re-offending; no effect on attitudes."
    )
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
        {
            "outcome": "sexual-reoffending",
            "name": "Sexual re-offending",
            "old": "supported",
            "new": "well_supported",
        }
    ]
    assert latest.reason.startswith("Evaluation “Replication 2019” published")
    assert first.new_level == "supported"


def test_recomputing_the_same_rating_records_nothing(programme, publish):
    publish(two_outcome_evaluation(programme))
    refresh_rating(programme)
    refresh_rating(programme, reason="Nightly recomputation.")
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
    assert latest.reason.startswith("Evaluation “Beier et al. 2015” unpublished")
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
    assert latest.reason.startswith("Evaluation “Beier et al. 2015” deleted")
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
    assert evaluation_reason(evaluation, "published") == (
        "Evaluation “Process study” published: qualitative or process evaluation, "
        "harmful on wellbeing."
    )


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=code)[0]
