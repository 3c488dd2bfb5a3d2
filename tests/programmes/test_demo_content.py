"""``load_demo_content``: real programmes with their rating history, illustrative
implementation reports, and (with DEBUG) demo submissions awaiting moderation; safe to run
again, and editors' changes are kept."""

from collections import Counter
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Locale, Page, WorkflowState

import pytest

from programmes.demo.loader import ILLUSTRATIVE_NOTE, read_reports
from programmes.demo.submissions import read_submissions
from programmes.explanations import change_reason
from programmes.models import (
    EvaluationPage,
    ImplementationReportPage,
    ProgrammePage,
    ProgrammeRating,
    RatingChange,
)
from programmes.ratings import rating_history
from search.models import IndexedDocument
from tests.factories.portal import enable_totp
from vocabularies.models import TargetGroup

pytestmark = pytest.mark.django_db


def load_again():
    out = StringIO()
    call_command("load_demo_content", stdout=out, verbosity=0)
    return out.getvalue()


def english_programmes():
    return ProgrammePage.objects.live().filter(locale__language_code="en")


def pages_by_type():
    return Counter(page.specific_class.__name__ for page in Page.objects.all())


def everything_counted():
    return pages_by_type() + Counter(
        RatingChange=RatingChange.objects.count(),
        ProgrammeRating=ProgrammeRating.objects.count(),
        WorkflowState=WorkflowState.objects.count(),
    )


def test_a_second_run_creates_nothing(demo_content):
    before = everything_counted()
    output = load_again()
    assert "0 pages created" in output
    assert "0 implementation reports added" in output
    assert everything_counted() == before


def test_no_duplicate_slugs_under_any_parent(demo_content):
    load_again()
    siblings = Counter((page.path[:-4], page.slug) for page in Page.objects.all())
    assert [key for key, count in siblings.items() if count > 1] == []


def test_an_editors_change_survives_a_second_run(demo_content):
    programme = english_programmes().get(slug="prevent-it")
    programme.summary = "Edited by an editor."
    programme.save_revision().publish()
    load_again()
    assert ProgrammePage.objects.get(pk=programme.pk).summary == "Edited by an editor."
    assert english_programmes().filter(slug="prevent-it").count() == 1


def test_a_deleted_demo_evaluation_is_restored_but_nothing_else_duplicated(demo_content):
    programme = english_programmes().get(slug="prevent-it")
    EvaluationPage.objects.child_of(programme).get().delete()
    before = pages_by_type()
    load_again()
    after = pages_by_type()
    assert after - before == Counter({"EvaluationPage": 1})


def test_at_least_fifteen_programmes(demo_content):
    assert english_programmes().count() >= 15


def test_every_target_group_has_a_live_programme(demo_content):
    uncovered = TargetGroup.objects.exclude(programmes__live=True)
    assert list(uncovered.values_list("slug", flat=True)) == []


def test_programmes_run_in_several_countries_and_languages(demo_content):
    programmes = english_programmes()
    countries = set(programmes.values_list("countries__code", flat=True)) - {None}
    languages = set(programmes.values_list("languages__code", flat=True)) - {None}
    assert len(countries) >= 10
    assert {"DE", "NL", "SE", "FI"} <= countries
    assert len(languages) >= 5


def test_translations_exist_in_several_locales(demo_content):
    locales = set(
        ProgrammePage.objects.live().exclude(locale__language_code="en")
        .values_list("locale__language_code", flat=True)
    )  # fmt: skip
    assert len(locales) >= 3
    assert "de" in locales


def test_every_programme_with_evaluations_has_a_rating(demo_content):
    evaluated = [p for p in english_programmes() if EvaluationPage.objects.child_of(p).exists()]
    assert len(evaluated) >= 5
    ratings = {r.programme_id: r for r in ProgrammeRating.objects.all()}
    assert all(p.pk in ratings for p in evaluated)
    assert any(ratings[p.pk].level != "insufficient" for p in evaluated)


def test_a_randomised_trial_with_a_significant_benefit_is_supported(demo_content):
    programme = english_programmes().get(slug="prevent-it")
    assert programme.current_rating().level == "supported"


def test_translations_share_the_rating_of_their_programme(demo_content):
    english = Locale.objects.get(language_code="en")
    translations = ProgrammePage.objects.exclude(locale=english)
    assert translations.exists()
    for translation in translations:
        source = translation.get_translation(english)
        assert translation.current_rating().level == source.current_rating().level, translation


def test_every_demo_programme_says_where_its_facts_come_from(demo_content):
    programmes = english_programmes()
    assert all(programme.is_demo_content for programme in programmes)
    assert programmes.exists()
    assert [
        p.slug for p in programmes if not p.source_url.startswith(("https://", "http://"))
    ] == []


def test_demo_pages_say_they_are_demo_content(client, demo_content):
    programme = english_programmes().first()
    assert "Demo content" in client.get(programme.url).content.decode()


# Implementation reports: illustrative, and they say so


def demo_reports():
    return ImplementationReportPage.objects.live().filter(is_demo_content=True)


def test_illustrative_reports_are_live_under_several_programmes(demo_content):
    reports = demo_reports()
    assert reports.count() == len(read_reports()) >= 12
    programmes = {report.get_parent().slug for report in reports}
    assert len(programmes) >= 6
    assert {"troubled-desire", "circles-of-support-and-accountability"} <= programmes
    assert len(set(reports.values_list("country__code", flat=True))) >= 6
    assert len(set(reports.values_list("setting__slug", flat=True))) >= 3


def test_every_report_says_what_got_in_the_way_and_what_was_changed(demo_content):
    for report in demo_reports():
        assert report.barrier_kinds.exists() and report.barriers, report
        assert report.adaptation_kinds.exists() and report.adaptations, report
        assert report.started and report.fidelity and report.cost, report
        assert report.ended is None or report.ended > report.started, report


def test_every_report_says_it_is_illustrative(client, demo_content):
    for report in demo_reports():
        assert report.title.endswith("(illustrative demo report)"), report
        assert report.observations.startswith(ILLUSTRATIVE_NOTE), report
    page = client.get(demo_reports().first().url).content.decode()
    assert "not a real practitioner" in page


def test_a_deleted_demo_report_is_restored_and_an_edited_one_kept(demo_content):
    deleted, edited = demo_reports()[:2]
    deleted.delete()
    edited.observations = "Edited by an editor."
    edited.save_revision().publish()
    load_again()
    assert demo_reports().count() == len(read_reports())
    assert ImplementationReportPage.objects.get(pk=edited.pk).observations == "Edited by an editor."


# Rating history


def test_the_history_says_which_evaluation_changed_the_rating(demo_content):
    programme = english_programmes().get(slug="prevent-it")
    evaluation = EvaluationPage.objects.child_of(programme).get()
    [change] = rating_history(programme)
    assert (change.old_level, change.new_level) == ("insufficient", "supported")
    assert change.evaluation == evaluation
    assert change.reason["evaluation"]["title"] == evaluation.title
    assert change_reason(change)[:2] == [
        f"The evaluation “{evaluation.title}” was published.",
        "Its design: Randomised controlled trial.",
    ]


def test_every_evaluated_programme_has_a_history_that_names_its_evaluations(demo_content):
    evaluated = [p for p in english_programmes() if EvaluationPage.objects.child_of(p).exists()]
    for programme in evaluated:
        history = list(rating_history(programme))
        assert history, programme
        evaluations = set(EvaluationPage.objects.child_of(programme))
        assert all(change.evaluation in evaluations for change in history), programme
        assert history[0].new_level == programme.current_rating().level, programme


# Demo submissions: with DEBUG only, never live, never searchable


@pytest.fixture
def demo_submissions(demo_content, settings):
    """The demo loaded as in development: demo people and their submissions."""
    settings.DEBUG = True
    load_again()
    by_slug = {entry["page"]["slug"]: entry for entry in read_submissions()}
    pages = Page.objects.filter(slug__in=by_slug).specific()
    return {by_slug[page.slug]["state"] + ":" + by_slug[page.slug]["kind"]: page for page in pages}


def user(email):
    return get_user_model().objects.get(email=email)


def test_no_submissions_without_debug(demo_content):
    assert not Page.objects.filter(live=False).exists()
    assert not WorkflowState.objects.exists()


def test_the_researchers_draft_is_hers_and_not_submitted(demo_submissions):
    researcher = user("researcher@example.org")
    assert researcher.is_researcher
    draft = demo_submissions["draft:evaluation"]
    assert not draft.live and draft.has_unpublished_changes and draft.first_published_at is None
    assert draft.owner == researcher
    assert draft.get_latest_revision().user == researcher
    assert not WorkflowState.objects.for_instance(draft).exists()


def test_the_submissions_await_moderation(demo_submissions):
    submitted = {
        "submitted:evaluation": user("researcher@example.org"),
        "submitted:report": user("member@example.org"),
    }
    for key, owner in submitted.items():
        page = demo_submissions[key]
        assert not page.live and page.owner == owner, key
        state = WorkflowState.objects.for_instance(page).get()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS, key
        assert state.requested_by == owner and state.workflow.name == "Moderators approval", key
    assert demo_submissions["submitted:evaluation"].results.count() == 2


def test_a_moderator_finds_them_in_the_cms(client, demo_submissions):
    editor = user("editor@example.org")
    enable_totp(editor)
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    assert demo_submissions["submitted:evaluation"].title in dashboard
    assert demo_submissions["submitted:report"].title in dashboard
    assert demo_submissions["draft:evaluation"].title not in dashboard


def test_submissions_are_neither_public_nor_searchable(
    client, demo_content, settings, django_capture_on_commit_callbacks
):
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        load_again()
    call_command("rebuild_search_index", "--embedded-only", verbosity=0)
    pages = Page.objects.filter(slug__in=[s["page"]["slug"] for s in read_submissions()])
    assert pages.count() == 3
    for page in pages:
        assert client.get(f"{page.get_parent().url}{page.slug}/").status_code == 404
    keys = set(IndexedDocument.objects.values_list("key", flat=True))
    assert not {f"evaluation:{p.pk}" for p in pages} & keys
    assert not {f"implementation_report:{p.pk}" for p in pages} & keys
    assert {f"implementation_report:{p.pk}" for p in demo_reports()} <= keys


def test_a_second_run_with_debug_creates_nothing(demo_submissions):
    before = everything_counted()
    output = load_again()
    assert "0 pages created" in output and "0 demo submissions added" in output
    assert everything_counted() == before
