"""Search documents as ``search.documents`` makes them, for tests that index a fixed corpus.

``search_document`` builds a complete ``ContentDocument`` dict through the real
``search.documents.document`` (so every field is present and shaped as the indexers expect),
with sensible defaults for whatever a test does not care about.
"""

import datetime
import itertools

import factory
from factory.django import DjangoModelFactory

from portal.models import StandardPage, SupportService
from programmes.evidence import Level
from search.documents import document
from search.schema import PUBLIC
from tests.factories.programmes import PublishedPageFactory
from vocabularies.models import Country, Language

_keys = itertools.count(1)
_FIRST_DAY = datetime.datetime(2020, 1, 1, 12, 0, tzinfo=datetime.UTC)


def day(n):
    """A fixed, distinct publication date: day ``n`` after 1 January 2020."""
    return _FIRST_DAY + datetime.timedelta(days=n)


def search_document(
    title="Untitled",
    *,
    key=None,
    type="programme",
    language="en",
    url=None,
    visibility=(PUBLIC,),
    rating=None,
    rating_rank=None,
    **fields,
):
    """A complete search document. ``key`` is the number after the type (``programme:7``);
    ``rating`` sets the matching ``rating_rank`` unless one is given."""
    key = next(_keys) if key is None else key
    if rating is not None:
        fields["rating"] = rating
        fields["rating_rank"] = Level(rating).rank if rating_rank is None else rating_rank
    elif rating_rank is not None:
        fields["rating_rank"] = rating_rank
    return document(
        key,
        type,
        title,
        language,
        url if url is not None else f"/{language}/{type}/{key}/",
        visibility=list(visibility),
        **fields,
    )


# Factories for the other searchable content. (They would sit well in tests/factories/portal.py;
# they live here while only the search tests use them.)


class StandardPageFactory(PublishedPageFactory):
    """A portal page, published like an editor would unless ``live=False``. ``body`` takes a
    list of (block type, value) pairs, e.g. ``[("heading", "Why")]``."""

    title = factory.Sequence(lambda n: f"Page {n:03d}")
    intro = "An ordinary page of the portal."

    class Meta:
        model = StandardPage


class SupportServiceFactory(DjangoModelFactory):
    """A support service. ``languages`` takes language codes; ``country`` defaults to Germany."""

    name = factory.Sequence(lambda n: f"Helpline {n:03d}")
    kind = "worried"
    country = factory.LazyFunction(lambda: Country.objects.get(code="DE"))
    description = "Confidential help by phone and chat."
    website = "https://help.example.org/"
    phone = "+49 800 000 000"

    class Meta:
        model = SupportService
        skip_postgeneration_save = True

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.languages.set(Language.objects.filter(code__in=list(extracted)))
