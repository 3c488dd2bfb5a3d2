"""Keep the index fresh: on Wagtail's publish, unpublish, move and delete signals, on saves of
the non-page models, and when a programme's rating changes. Work runs after the transaction
commits, reading the committed state, so drafts and rolled-back changes are never indexed.

A page's document can read other pages: its translations' languages, a programme's facets
(its evaluations), a campaign's title (its materials), and a material's live adaptations (the
material it adapts, in every language). When one changes, those are reindexed with it."""

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaigns.models import CampaignPage, MaterialPage
from portal.models import SupportService
from programmes.models import ProgrammePage
from programmes.models.vocabulary import Term
from programmes.ratings import rating_refreshed
from working_groups.models import (
    DocumentVersion,
    GroupDocument,
    Meeting,
    OutputPage,
    Post,
    Thread,
    WorkingGroup,
)

from . import backends, indexing, labels
from .documents import SOURCES, source_for

logger = logging.getLogger(__name__)
PAGE_MODELS = tuple(source.model for source in SOURCES if issubclass(source.model, Page))


def _sync(model, pks):
    """Index these objects as committed now (or remove them if gone or unsearchable)."""
    objects = list(model.objects.filter(pk__in=pks))
    gone = set(pks) - {obj.pk for obj in objects}
    source = next(source for source in SOURCES if source.model is model)
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
    pks = list(pks)
    if pks:
        transaction.on_commit(lambda: _sync(model, pks))


def sync_pages_later(pages):
    pages = list(pages)
    by_model = {}
    for page in [*pages, *_adapted_materials(pages)]:
        specific_class = page.specific_class
        if specific_class in PAGE_MODELS:
            by_model.setdefault(specific_class, []).append(page.pk)
    for model, pks in by_model.items():
        sync_later(model, pks)


def _with_descendants(page):
    return [page, *Page.objects.descendant_of(page).only("id", "content_type")]


def _translations(page):
    """The page's other language versions: their ``available_in`` lists its language."""
    return list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .only("id", "content_type")
    )


def _material_versions(material_pks):
    """These materials in every language: each version's document counts their adaptations."""
    keys = Page.objects.filter(pk__in=material_pks).values("translation_key")
    return Page.objects.filter(translation_key__in=keys).only("id", "content_type")


def _adapted_materials(pages):
    """The materials these pages adapt, in every language: their "adapted" counts change when
    an adaptation is published, unpublished, restricted or moved."""
    material_pks = [page.pk for page in pages if page.specific_class is MaterialPage]
    if not material_pks:
        return []
    sources = MaterialPage.objects.filter(pk__in=material_pks, adapted_from__isnull=False)
    return list(_material_versions(sources.values("adapted_from")))


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    # A programme passes its facets to its evaluations and reports, a campaign its title to
    # its materials: refresh them too.
    parent = isinstance(instance, ProgrammePage | CampaignPage)
    pages = _with_descendants(instance) if parent else [instance]
    sync_pages_later(pages + _translations(instance))


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    sync_pages_later([instance, *_translations(instance)])


@receiver(post_page_move)
def on_moved(sender, instance, **kwargs):
    sync_pages_later(_with_descendants(instance))  # their URLs changed


def on_deleted(sender, instance, **kwargs):
    key = source_for(instance).key(instance.pk)
    transaction.on_commit(lambda: indexing.remove([key]))
    if isinstance(instance, Page):
        sync_pages_later(_translations(instance))


# Connected per model: a post_delete receiver for every model would stop Django from deleting
# facet rows in bulk.
for _source in SOURCES:
    post_delete.connect(on_deleted, sender=_source.model, dispatch_uid=f"search-{_source.type}")


@receiver(pre_delete, sender=MaterialPage)
def on_material_deleting(sender, instance, **kwargs):
    """Deleting a material turns its adaptations into materials of their own: Django sets
    their ``adapted_from`` to null without a signal. (Wagtail unpublishes a live page before
    deleting it, so the count of the material it adapts is refreshed by ``on_unpublished``.)"""
    sync_later(MaterialPage, instance.adaptations.values_list("pk", flat=True))


@receiver(pre_save, sender=MaterialPage)
def on_material_saving(sender, instance, update_fields=None, **kwargs):
    """An adaptation published with another source no longer counts for the old one, which
    only the row about to be overwritten still names. (Saving a draft leaves the row alone.)"""
    if instance.pk is None or (update_fields is not None and "adapted_from" not in update_fields):
        return
    old = MaterialPage.objects.filter(pk=instance.pk).values_list("adapted_from", flat=True)
    old_source = old.first()
    if old_source is not None and old_source != instance.adapted_from_id:
        sync_pages_later(_material_versions([old_source]))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_view_restriction_changed(sender, instance, **kwargs):
    """Making a page private, or public again, changes whether it and its subpages may be
    found. Wagtail sends no page signal for it: the restriction is saved on its own."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        sync_pages_later(_with_descendants(page))


@receiver(rating_refreshed)
def on_rating_refreshed(sender, programmes, **kwargs):
    pages = []
    for programme in programmes:
        pages += _with_descendants(programme)
    sync_pages_later(pages)


@receiver(post_save, sender=SupportService)
def on_service_saved(sender, instance, **kwargs):
    sync_later(SupportService, [instance.pk])


@receiver(m2m_changed, sender=SupportService.languages.through)
def on_service_languages_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, SupportService):
        sync_later(SupportService, [instance.pk])


@receiver(post_save)
def on_term_saved(sender, instance, created, **kwargs):
    """A renamed term needs no reindex (labels are read at display time); a new slug does."""
    if not isinstance(instance, Term):
        return
    labels.forget()
    if created:
        return
    programmes = getattr(instance, "programmes", None)
    if programmes is not None:
        transaction.on_commit(
            lambda: sync_pages_later(
                [p for programme in programmes.all() for p in _with_descendants(programme)]
            )
        )
    materials = getattr(instance, "materials", None)  # audiences and topics of materials
    if materials is not None:
        transaction.on_commit(
            lambda: sync_later(MaterialPage, materials.values_list("pk", flat=True))
        )


# Working groups. Deleting a group deletes its threads, documents and meetings one by one (each
# sends post_delete, connected above), so none of its private content outlives it in the index.


@receiver(post_save, sender=WorkingGroup)
def on_group_saved(sender, instance, created, **kwargs):
    """The group's name and what it covers are in its outputs' and its content's documents."""
    sync_later(WorkingGroup, [instance.pk])
    if created:
        return
    for model in (Thread, GroupDocument, Meeting):
        sync_later(model, model.objects.filter(group=instance).values_list("pk", flat=True))
    sync_pages_later(OutputPage.objects.filter(group=instance).only("id", "content_type"))


@receiver(post_save, sender=Thread)
@receiver(post_save, sender=GroupDocument)
@receiver(post_save, sender=Meeting)
def on_group_content_saved(sender, instance, **kwargs):
    sync_later(sender, [instance.pk])


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def on_post_changed(sender, instance, **kwargs):
    """A new, edited or removed post changes its thread's text."""
    sync_later(Thread, [instance.thread_id])


@receiver(post_save, sender=DocumentVersion)
@receiver(post_delete, sender=DocumentVersion)
def on_version_changed(sender, instance, **kwargs):
    sync_later(GroupDocument, [instance.document_id])
