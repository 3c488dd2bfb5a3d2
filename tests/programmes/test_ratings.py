"""Stored ratings follow the set of published evaluations; nobody can type one in."""

from io import StringIO

from django.core.management import call_command

import pytest

from programmes.models import OutcomeRating, ProgrammePage, ProgrammeRating
from tests.factories.portal import UserFactory, enable_totp
from tests.factories.programmes import EvaluationPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(catalogue):
    return ProgrammePageFactory(parent=catalogue)


@pytest.fixture
def draft_evaluation(programme):
    """A strong, positive evaluation saved as a draft (never published)."""
    return EvaluationPageFactory(parent=programme, live=False)


def stored_level(programme):
    return ProgrammeRating.objects.get(programme=programme).level


def test_a_draft_evaluation_does_not_count(programme, draft_evaluation, rate):
    assert rate(programme).level == "insufficient"


def test_publishing_an_evaluation_recomputes_the_rating(programme, draft_evaluation, publish):
    publish(draft_evaluation)
    assert stored_level(programme) == "supported"
    outcomes = OutcomeRating.objects.filter(programme_rating__programme=programme)
    assert [(o.outcome.slug, o.level) for o in outcomes] == [("knowledge", "supported")]


def test_a_second_evaluation_updates_the_stored_rating(programme, draft_evaluation, publish):
    publish(draft_evaluation)
    second = EvaluationPageFactory(
        parent=programme,
        live=False,
        follow_up_months=24,
        results=[{"outcome": "knowledge", "direction": "positive", "significance": "significant"}],
    )
    publish(second)
    assert stored_level(programme) == "well_supported"
    assert ProgrammeRating.objects.filter(programme=programme).count() == 1


def test_unpublishing_an_evaluation_resets_the_rating(
    programme, draft_evaluation, publish, django_capture_on_commit_callbacks
):
    publish(draft_evaluation)
    with django_capture_on_commit_callbacks(execute=True):
        draft_evaluation.unpublish()
    assert stored_level(programme) == "insufficient"
    assert not OutcomeRating.objects.filter(programme_rating__programme=programme).exists()


def test_deleting_an_evaluation_resets_the_rating(
    programme, draft_evaluation, publish, django_capture_on_commit_callbacks
):
    publish(draft_evaluation)
    with django_capture_on_commit_callbacks(execute=True):
        draft_evaluation.delete()
    assert stored_level(programme) == "insufficient"


def test_moving_an_evaluation_rates_both_programmes(
    catalogue, programme, draft_evaluation, publish, django_capture_on_commit_callbacks
):
    publish(draft_evaluation)
    other = ProgrammePageFactory(parent=catalogue)
    with django_capture_on_commit_callbacks(execute=True):
        draft_evaluation.move(other, pos="last-child")
    assert stored_level(programme) == "insufficient"
    assert stored_level(other) == "supported"


def test_the_rating_is_stored_only_after_commit(programme, draft_evaluation):
    draft_evaluation.save_revision().publish()  # the transaction is still open
    assert not ProgrammeRating.objects.filter(programme=programme).exists()


def test_refresh_ratings_command_rates_every_programme(catalogue, programme, draft_evaluation):
    ProgrammePageFactory(parent=catalogue)
    draft_evaluation.save_revision().publish()
    out = StringIO()
    call_command("refresh_ratings", stdout=out)
    assert "Rated 2 programmes." in out.getvalue()
    assert stored_level(programme) == "supported"


class TestNotEditable:
    def test_the_programme_model_has_no_editable_rating_field(self):
        editable = {
            f.name for f in ProgrammePage._meta.get_fields() if getattr(f, "editable", False)
        }
        assert editable.isdisjoint({"rating", "level", "rank", "has_harm"})

    def test_the_edit_form_has_no_rating_field(self):
        form_class = ProgrammePage.get_edit_handler().get_form_class()
        assert set(form_class.base_fields).isdisjoint({"rating", "level", "rank", "has_harm"})
        assert "summary" in form_class.base_fields  # the form class is the real one

    def test_the_admin_edit_page_has_no_rating_input(self, client, programme, rate):
        rate(programme)
        admin = UserFactory(is_staff=True, is_superuser=True)
        enable_totp(admin)  # the CMS requires two-factor authentication
        client.force_login(admin)
        response = client.get(f"/admin/pages/{programme.pk}/edit/")
        assert response.status_code == 200
        page = response.content.decode()
        assert 'name="summary"' in page
        for name in ("rating", "level", "rank", "has_harm"):
            assert f'name="{name}"' not in page
