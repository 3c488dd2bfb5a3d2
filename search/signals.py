"""Keep the index fresh: on Wagtail's publish, unpublish, move and delete signals, on saves of
the registered non-page models, and on view restrictions. Work runs after the transaction
commits, reading the committed state, so drafts and rolled-back changes are never indexed.

A page's document can read other pages: its translations' languages, and whatever its source's
``reindex_with`` names (a programme's evaluations carry its facets). Those are reindexed with
it. The apps' own ``search.py`` modules connect what only they know about (a rating changed,
a post added to a thread) to ``sync_later`` and ``sync_pages_later``."""

import logging

from django.apps import apps
from django.db import DatabaseError, connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import backends, fulltext, indexing, registry

logger = logging.getLogger(__name__)


def _sync(model, pks):
    """Index these objects as committed now (or remove them if gone or unsearchable)."""
    objects = list(model.objects.filter(pk__in=pks))
    gone = set(pks) - {obj.pk for obj in objects}
    source = registry.source_for_model(model)
    try:
        indexing.index_objects(objects)
        indexing.remove(source.key(pk) for pk in gone)
    except DatabaseError:
        logger.exception("Could not update the search index; `rebuild_search_index` repairs it.")
        return
    if backends.elasticsearch_enabled():
        from . import queue

        queue.process(keys=[source.key(pk) for pk in pks])


def sync_later(model, pks):
    """Reindex these objects of a registered model once the transaction commits."""
    pks = list(pks)
    if pks:
        transaction.on_commit(lambda: _sync(model, pks))


def sync_pages_later(pages):
    """Reindex these pages (of any registered page type), and what their sources say must be
    reindexed with them, once the transaction commits."""
    by_source = _by_source(pages)
    for source, batch in list(by_source.items()):
        if source.reindex_with is not None:
            for source_of_other, others in _by_source(source.reindex_with(batch)).items():
                by_source.setdefault(source_of_other, []).extend(others)
    for source, batch in by_source.items():
        sync_later(source.model, dict.fromkeys(page.pk for page in batch))


def _by_source(pages):
    by_source = {}
    for page in pages:
        source = registry.source_for_model(page.specific_class)
        if source is not None:
            by_source.setdefault(source, []).append(page)
    return by_source


def with_descendants(page):
    return [page, *Page.objects.descendant_of(page).only("id", "content_type")]


def _translations(page):
    """The page's other language versions: their ``available_in`` lists its language."""
    return list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .only("id", "content_type")
    )


def on_published(sender, instance, **kwargs):
    sync_pages_later([instance, *_translations(instance)])


def on_unpublished(sender, instance, **kwargs):
    sync_pages_later([instance, *_translations(instance)])


def on_moved(sender, instance, **kwargs):
    sync_pages_later(with_descendants(instance))  # their URLs changed


def on_deleted(sender, instance, **kwargs):
    key = registry.source_for(instance).key(instance.pk)
    transaction.on_commit(lambda: indexing.remove([key]))
    if isinstance(instance, Page):
        sync_pages_later(_translations(instance))


def on_saved(sender, instance, **kwargs):
    sync_later(sender, [instance.pk])


def on_view_restriction_changed(sender, instance, **kwargs):
    """Making a page private, or public again, changes whether it and its subpages may be
    found. Wagtail sends no page signal for it: the restriction is saved on its own."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        sync_pages_later(with_descendants(page))


def prune_full_text(using, **kwargs):
    """Drop full-text rows whose document is gone: after ``flush``, which empties only the
    tables of Django's models (the test suite's transactional tests flush after each test)."""
    connection = connections[using]
    if fulltext.TABLE in connection.introspection.table_names():
        with connection.cursor() as cursor:
            fulltext.engine(connection).prune(cursor)


def connect():
    """Connect the handlers, once every app has registered its sources (``SearchConfig``)."""
    post_migrate.connect(
        prune_full_text, sender=apps.get_app_config("search"), dispatch_uid="search-prune"
    )
    page_published.connect(on_published, dispatch_uid="search-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{signal is post_save}",
        )
    # Connected per model: a post_delete receiver for every model would stop Django from
    # deleting facet rows in bulk.
    for source in registry.sources():
        post_delete.connect(on_deleted, sender=source.model, dispatch_uid=f"search-{source.type}")
        if not source.is_page:
            post_save.connect(
                on_saved, sender=source.model, dispatch_uid=f"search-save-{source.type}"
            )
