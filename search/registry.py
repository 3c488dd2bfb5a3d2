"""What the apps give to search, each from its own ``search.py``.

``SearchConfig.ready()`` imports the ``search`` module of every installed app (as Wagtail finds
``wagtail_hooks``), and those modules call ``register`` for each kind of content they want found,
``facets.register`` for each facet they add, and ``register_visibility`` if some of their
content is private. Search itself names no other app's models, types or vocabularies.
"""

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule

from wagtail.models import Page

from .schema import PUBLIC


@dataclass(frozen=True)
class Source:
    """One kind of searchable content.

    ``to_document``: the pure function that turns one object into a document dict (or ``None``
    when it must not be found). ``related``: what it reads from related rows, prefetched with
    each batch of a rebuild. ``reindex_with``: given changed objects of this kind, the other
    objects whose documents read them (a programme's evaluations carry its facets).
    ``shows_rating``: whether the document's ``rating`` is its own, shown with each hit; content
    that only carries another object's rating for filtering (an evaluation its programme's)
    shows none."""

    model: type
    type: str
    label: str
    to_document: object
    related: tuple = ()
    reindex_with: object = None
    shows_rating: bool = False

    def everything(self):
        queryset = self.model.objects.all()
        if issubclass(self.model, Page):
            queryset = queryset.live().order_by("path")
        else:
            queryset = queryset.order_by("pk")
        return queryset.prefetch_related(*self.related) if self.related else queryset

    def key(self, pk):
        return f"{self.type}:{pk}"

    @property
    def is_page(self):
        return issubclass(self.model, Page)


_sources = {}  # type -> Source, in registration order
_visibility = []  # callables: user -> visibility values beyond PUBLIC


def register(model, type, label, to_document, related=(), reindex_with=None, shows_rating=False):
    """Make ``model`` searchable as documents of ``type`` (shown to people as ``label``)."""
    if type in _sources and _sources[type].model is not model:
        raise ValueError(f"The search type {type!r} is registered twice.")
    _sources[type] = Source(
        model, type, label, to_document, tuple(related), reindex_with, shows_rating
    )


def shown_rating(document):
    """The rating a hit shows: its own, or ``None`` where the document carries a rating only to
    be filtered by (an evaluation carries its programme's)."""
    source = _sources.get(document.get("type"))
    return document.get("rating") if source and source.shows_rating else None


def sources():
    return list(_sources.values())


def source_for(obj):
    """The source of this object's exact class, or ``None``."""
    return source_for_model(type(obj))


def source_for_model(model):
    return next((source for source in _sources.values() if source.model is model), None)


def source_for_type(type_name):
    return _sources[type_name]


def type_labels():
    return {name: source.label for name, source in _sources.items()}


def register_visibility(provider):
    """``provider(user)`` gives the visibility values ``user`` may find besides public ones
    (for example ``group:<id>`` for the working groups they belong to)."""
    _visibility.append(provider)
    return provider


def visibility_for(user):
    """What ``user`` may find: public documents, and what each provider grants them."""
    return (PUBLIC, *(value for provider in _visibility for value in provider(user)))


_pages = {}  # name -> (request -> URL or None)


def register_page(name, url_for):
    """A page the search page may point to when nothing is found (``catalogue``)."""
    _pages[name] = url_for


def page_url(name, request):
    return _pages[name](request) if name in _pages else None


def autodiscover():
    """Import the ``search`` module of each of the portal's own apps (not of libraries, some of
    which have an unrelated module of that name)."""
    for app_config in apps.get_app_configs():
        own = Path(app_config.path).parent == Path(settings.BASE_DIR)
        if (
            own
            and app_config.name != "search"
            and module_has_submodule(app_config.module, "search")
        ):
            import_module(f"{app_config.name}.search")
