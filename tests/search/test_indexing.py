"""The index follows what editors do, once their change is committed: publish, unpublish,
move, delete, restrict, and edits of support services and of evaluations (which change a
programme's rating). Drafts and rolled-back changes never reach it."""

from django.db import transaction

from wagtail.models import Locale, PageViewRestriction

import pytest

from programmes.models import ProgrammePage
from search.models import IndexedDocument
from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)
from tests.factories.search import StandardPageFactory, SupportServiceFactory
from vocabularies.models import Language, TargetGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block's on-commit work (indexing) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def key(obj):
    name = {
        "ProgrammePage": "programme",
        "EvaluationPage": "evaluation",
        "ImplementationReportPage": "implementation_report",
        "StandardPage": "page",
        "SupportService": "support_service",
    }[type(obj).__name__]
    return f"{name}:{obj.pk}"


def found_titles(client, q):
    response = client.get("/api/search/", {"q": q})
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


def test_publishing_a_programme_makes_it_findable(catalogue, committed, indexed, client):
    with committed():
        programme = ProgrammePageFactory(parent=catalogue, title="Lantern programme")
    assert indexed(key(programme))["title"] == "Lantern programme"
    assert found_titles(client, "lantern") == ["Lantern programme"]


def test_nothing_is_indexed_before_the_commit(catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        ProgrammePageFactory(parent=catalogue)
    assert not IndexedDocument.objects.exists()


def test_a_rolled_back_publication_is_never_indexed(catalogue, committed):
    with committed():
        try:
            with transaction.atomic():
                ProgrammePageFactory(parent=catalogue, title="Rolled back")
                raise RuntimeError("the editor's request failed")
        except RuntimeError:
            pass
    assert not IndexedDocument.objects.exists()


def test_a_draft_is_never_indexed(catalogue, home, committed, client):
    with committed():
        ProgrammePageFactory(parent=catalogue, title="Draft lantern", live=False)
        StandardPageFactory(parent=home, title="Draft lantern page", live=False)
    assert not IndexedDocument.objects.exists()
    assert found_titles(client, "lantern") == []


def test_a_new_draft_of_a_live_page_leaves_the_published_version_indexed(
    catalogue, committed, indexed, client
):
    with committed():
        programme = ProgrammePageFactory(parent=catalogue, title="Lantern programme")
    with committed():
        programme.title = "Secret new name"
        programme.summary = "Not ready"
        programme.save_revision()
    assert indexed(key(programme))["title"] == "Lantern programme"
    assert found_titles(client, "secret") == []
    with committed():
        programme.get_latest_revision().publish()
    assert indexed(key(programme))["title"] == "Secret new name"


def test_unpublishing_removes_the_page(catalogue, committed, indexed, client):
    with committed():
        programme = ProgrammePageFactory(parent=catalogue, title="Lantern programme")
    with committed():
        programme.unpublish()
    assert indexed(key(programme)) is None
    assert found_titles(client, "lantern") == []


def test_moving_a_page_updates_its_url_and_its_subpages_urls(home, committed, indexed):
    with committed():
        about = StandardPageFactory(parent=home, title="About", slug="about")
        team = StandardPageFactory(parent=about, title="Team", slug="team")
        help_page = StandardPageFactory(parent=home, title="Help", slug="help")
    assert indexed(key(team))["url"] == "/about/team/"
    with committed():
        about.move(help_page, pos="last-child")
    assert indexed(key(about))["url"] == "/help/about/"
    assert indexed(key(team))["url"] == "/help/about/team/"


def test_deleting_a_programme_removes_it_and_its_evaluations(catalogue, committed, indexed):
    with committed():
        programme = ProgrammePageFactory(parent=catalogue)
        evaluation = EvaluationPageFactory(parent=programme)
    keys = [key(programme), key(evaluation)]
    assert all(indexed(k) for k in keys)
    with committed():
        ProgrammePage.objects.get(pk=programme.pk).delete()
    assert [indexed(k) for k in keys] == [None, None]


def test_a_page_with_a_view_restriction_is_not_indexed(home, committed, indexed):
    with committed():
        page = StandardPageFactory(parent=home, title="Members only", live=False)
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        page.save_revision().publish()
    assert indexed(key(page)) is None


def test_restricting_a_live_page_removes_it_and_its_subpages(home, committed, indexed, client):
    with committed():
        section = StandardPageFactory(parent=home, title="Lantern section")
        child = StandardPageFactory(parent=section, title="Lantern notes")
    assert set(found_titles(client, "lantern")) == {"Lantern section", "Lantern notes"}
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type="password", password="x"
        )
    assert (indexed(key(section)), indexed(key(child))) == (None, None)
    assert found_titles(client, "lantern") == []
    with committed():
        restriction.delete()
    assert set(found_titles(client, "lantern")) == {"Lantern section", "Lantern notes"}


def test_support_services_are_indexed_when_saved_and_removed_when_deleted(
    committed, indexed, client
):
    with committed():
        service = SupportServiceFactory(name="Lantern line", languages=["de"])
    assert indexed(key(service))["available_in"] == ["de"]
    assert found_titles(client, "lantern") == ["Lantern line"]
    with committed():
        service.name = "Beacon line"
        service.save()
        service.languages.add(Language.objects.get(code="fr"))
    assert indexed(key(service))["title"] == "Beacon line"
    assert indexed(key(service))["available_in"] == ["de", "fr"]
    assert found_titles(client, "lantern") == []
    service_key = key(service)
    with committed():
        service.delete()
    assert indexed(service_key) is None
    assert found_titles(client, "beacon") == []


def test_a_new_evaluation_changes_the_programmes_rating_in_the_index(
    catalogue, committed, indexed, client
):
    with committed():
        programme = ProgrammePageFactory(parent=catalogue, title="Lantern programme")
    assert indexed(key(programme))["rating"] == "insufficient"
    with committed():
        evaluation = EvaluationPageFactory(parent=programme)  # a positive RCT
    assert indexed(key(programme))["rating"] == "supported"
    assert indexed(key(evaluation))["rating"] == "supported"
    facets = client.get("/api/search/").json()["facets"]["rating"]
    assert {o["value"]: o["count"] for o in facets} == {"supported": 2}


def test_a_programmes_new_facets_reach_its_evaluations_and_reports(catalogue, committed, indexed):
    with committed():
        programme = ProgrammePageFactory(parent=catalogue, target_groups=["children"])
        evaluation = EvaluationPageFactory(parent=programme)
        report = ImplementationReportPageFactory(parent=programme)
    assert indexed(key(report))["target_group"] == ["children"]
    with committed():
        programme.target_groups.set([TargetGroup.objects.get(slug="parents-carers")])
        programme.save_revision().publish()
    assert indexed(key(evaluation))["target_group"] == ["parents-carers"]
    assert indexed(key(report))["target_group"] == ["parents-carers"]


def test_publishing_a_translation_updates_the_languages_of_the_original(
    home, committed, indexed, client
):
    with committed():
        about = StandardPageFactory(parent=home, title="About")
    with committed():
        german = about.copy_for_translation(Locale.objects.get(language_code="de"), True)
        german.save_revision().publish()
    assert indexed(key(about))["available_in"] == ["de", "en"]
    # One result per family: in German, the language asked for, naming the other.
    found = client.get("/api/search/", {"available_in": "de"}).json()["results"]
    assert [(r["url"], r["also_in"]) for r in found] == [("/de/about/", ["en"])]
    with committed():
        german.refresh_from_db()
        german.unpublish()
    assert indexed(key(about))["available_in"] == ["en"]
