"""What the editing forms refuse: the model validation editors meet in the admin."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(catalogue):
    return ProgrammePageFactory(parent=catalogue)


def errors(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def test_a_doi_is_entered_without_the_resolver(programme):
    evaluation = EvaluationPageFactory(parent=programme)
    evaluation.doi = "https://doi.org/10.1111/jsm.12785"
    assert "doi" in errors(evaluation)
    evaluation.doi = "10.1111/jsm.12785"
    evaluation.full_clean()


def test_a_publication_year_cannot_be_in_the_future(programme):
    evaluation = EvaluationPageFactory(parent=programme)
    evaluation.publication_year = timezone.now().year + 1
    assert "publication_year" in errors(evaluation)


def test_a_sample_size_is_at_least_one(programme):
    evaluation = EvaluationPageFactory(parent=programme)
    evaluation.sample_size = 0
    assert "sample_size" in errors(evaluation)


def test_a_report_cannot_end_before_it_started(programme):
    report = ImplementationReportPageFactory(parent=programme)
    report.started, report.ended = datetime.date(2022, 5, 1), datetime.date(2021, 5, 1)
    assert "ended" in errors(report)


def test_a_programme_needs_a_summary_and_an_organisation(programme):
    programme.summary = ""
    programme.organisation = ""
    assert {"summary", "organisation"} <= set(errors(programme))
