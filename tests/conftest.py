"""Shared fixtures: the migrated home page, a catalogue under it, and publishing helpers."""

import os
import sys
from io import StringIO

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

import pytest

from portal.demo import ensure_home_page, load_site
from portal.models import HomePage
from programmes.demo.catalogue import ensure_catalogue
from programmes.models import ProgrammeIndexPage
from programmes.ratings import refresh_rating
from tests.factories.programmes import ProgrammeIndexPageFactory


def pytest_configure(config):
    # WhiteNoise warns once per client that `collectstatic` has not been run; tests don't need it.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


def pytest_collection_modifyitems(config, items):
    """Tests marked `elasticsearch` need a real cluster: they run when ELASTICSEARCH_URL is set."""
    if os.environ.get("ELASTICSEARCH_URL"):
        return
    skip = pytest.mark.skip(reason="needs Elasticsearch: set ELASTICSEARCH_URL to run it")
    for item in items:
        if "elasticsearch" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail and allauth keep state in the cache; tests roll back the database, so clear it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A test that renders a /fr/ page leaves French active in this thread; the next test
    must start in the default language, whatever order the tests run in."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home(db):
    """The English home page that migration portal 0003 creates as the default site's root."""
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def catalogue(home):
    return ProgrammeIndexPageFactory(parent=home)


@pytest.fixture
def demo_site(home):
    """The demo's home page content, catalogue and audience pages, loaded in the order
    ``load_demo_content`` loads them: (home page, catalogue)."""
    home = ensure_home_page()
    catalogue = ensure_catalogue(home)
    load_site(home, catalogue)
    return home, catalogue


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page like the admin does, running the on-commit rating refresh.

    Wagtail publishes a copy made from the revision, so the instance is refreshed afterwards.
    """

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return _publish


@pytest.fixture
def rate():
    """Recompute and return the stored rating of a programme (and its translations)."""

    def _rate(programme):
        refresh_rating(programme)
        return programme.current_rating()

    return _rate


@pytest.fixture(scope="module")
def _demo_content_loaded(django_db_setup, django_db_blocker):
    """Run ``load_demo_content`` once per test module, inside a transaction rolled back after it.

    Each test still runs in its own savepoint, so what a test changes is undone as usual.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo_content", stdout=StringIO(), verbosity=0)
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo_content(_demo_content_loaded, db):
    """The demo content: (home page, catalogue)."""
    home = HomePage.objects.get(locale__language_code="en")
    return home, ProgrammeIndexPage.objects.child_of(home).get()
