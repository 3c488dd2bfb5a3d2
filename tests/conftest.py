"""Shared fixtures: the migrated home page, a catalogue under it, and publishing helpers."""

import pytest
from django.core.cache import cache

from portal.models import HomePage
from programmes.ratings import refresh_rating
from tests.factories.programmes import ProgrammeIndexPageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail and allauth keep state in the cache; tests roll back the database, so clear it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """The English home page that migration portal 0003 creates as the default site's root."""
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def catalogue(home):
    return ProgrammeIndexPageFactory(parent=home)


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page like the admin does, running the on-commit rating refresh."""

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return _publish


@pytest.fixture
def rate():
    """Recompute and return the stored rating of a programme (and its translations)."""

    def _rate(programme):
        refresh_rating(programme)
        return programme.current_rating()

    return _rate
