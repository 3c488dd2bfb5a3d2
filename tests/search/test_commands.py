"""``rebuild_search_index`` rebuilds the index from published content and says how much."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import PageViewRestriction

import pytest

from search import indexing
from search.models import IndexedDocument, PendingChange
from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)
from tests.factories.search import StandardPageFactory, SupportServiceFactory, search_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(catalogue, home):
    """Six searchable items, and three that must not be found (a draft programme, a draft
    page and a page behind a view restriction). Indexing callbacks are not run here."""
    programme = ProgrammePageFactory(parent=catalogue, title="Lantern programme")
    searchable = [
        programme,
        ProgrammePageFactory(parent=catalogue),
        EvaluationPageFactory(parent=programme),
        ImplementationReportPageFactory(parent=programme),
        StandardPageFactory(parent=home, title="About"),
        SupportServiceFactory(),
    ]
    ProgrammePageFactory(parent=catalogue, title="Draft programme", live=False)
    StandardPageFactory(parent=home, title="Draft page", live=False)
    private = StandardPageFactory(parent=home, title="Private page")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return searchable


def rebuild(**options):
    stdout, stderr = StringIO(), StringIO()
    call_command("rebuild_search_index", stdout=stdout, stderr=stderr, **options)
    return stdout.getvalue(), stderr.getvalue()


def indexed_titles():
    return set(IndexedDocument.objects.values_list("title", flat=True))


def test_the_last_line_counts_the_searchable_items(content):
    stdout, _stderr = rebuild()
    assert stdout.strip().splitlines()[-1] == f"Indexed {len(content)} documents."
    assert IndexedDocument.objects.count() == len(content)


def test_drafts_and_restricted_pages_are_left_out(content):
    rebuild()
    titles = indexed_titles()
    assert {"Lantern programme", "About"} <= titles
    assert not titles & {"Draft programme", "Draft page", "Private page"}


def test_progress_goes_to_stderr(content):
    stdout, stderr = rebuild()
    assert "Content" in stderr and "100%" in stderr
    assert "%|" not in stdout


def test_quiet_shows_no_progress_but_still_the_count(content):
    stdout, stderr = rebuild(verbosity=0)
    assert stderr == ""
    assert stdout.strip() == f"Indexed {len(content)} documents."


def test_a_rebuild_replaces_what_the_index_held(content):
    indexing.write([search_document("Stale leftover")])
    rebuild()
    assert "Stale leftover" not in indexed_titles()
    stdout, _stderr = rebuild()  # and running it twice changes nothing
    assert stdout.strip().splitlines()[-1] == f"Indexed {len(content)} documents."
    assert IndexedDocument.objects.count() == len(content)


def test_rebuilt_content_is_searchable(content, client):
    rebuild()
    response = client.get("/api/search/", {"q": "lantern"})
    assert [r["title"] for r in response.json()["results"]][0] == "Lantern programme"


def test_an_empty_site_indexes_nothing(db):
    stdout, _stderr = rebuild()
    assert stdout.strip().splitlines()[-1] == "Indexed 0 documents."


def test_process_search_queue_without_elasticsearch_says_so_and_empties_the_queue(db):
    indexing.enqueue(["programme:1"])
    stdout = StringIO()
    call_command("process_search_queue", stdout=stdout)
    assert stdout.getvalue().strip() == "ELASTICSEARCH_URL is not set: nothing to send."
    assert not PendingChange.objects.exists()
