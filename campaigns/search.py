"""What campaigns give to search: campaigns and their materials, and the ``adapted`` facet.

Every version of a material is a document of its own: each Wagtail translation (the same
translation key in another locale) and each adaptation (a material of its own, made for one
country). Adaptations count towards the material they adapt, in every language it has: the
number of countries with one is its ``adapted`` facet (``adapted_values``).
"""

from django.db import transaction
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from search import facets, registry
from search.documents import document, is_searchable_page, page_fields, plain, slugs
from search.signals import sync_later, sync_pages_later, with_descendants
from vocabularies.models import Term

from .models import CampaignPage, MaterialPage

# The "adapted" facet of materials holds "n" for each "adapted in n+ countries" that is true:
# ["1", "2", "3"] for three countries, so selecting "3" keeps those adapted in three or more.
# Past five, the number makes no difference.
MAX_ADAPTED = 5


def adapted_values(countries):
    return [str(n) for n in range(1, min(countries, MAX_ADAPTED) + 1)]


def _is_searchable(page):
    """Aliases are left out: Wagtail makes them (of a campaign, say) when a material is
    translated before its parents, and they repeat the original's words under another locale."""
    return page.alias_of_id is None and is_searchable_page(page)


def adaptation_countries(material):
    """In how many countries a live, public adaptation of this material (from any of its
    language versions) exists. Drafts, such as adaptations awaiting review, do not count."""
    versions = MaterialPage.objects.filter(translation_key=material.translation_key)
    return (
        MaterialPage.objects.live()
        .public()
        .filter(adapted_from__in=versions, adapted_for__isnull=False)
        .values("adapted_for")
        .distinct()
        .count()
    )


def _country(material):
    """Where a material is from: an adaptation is from the country it was made for (a Polish
    adaptation for Poland is "from Poland"); anything else from its country of origin."""
    if material.is_adaptation and material.adapted_for_id:
        return [material.adapted_for.code]
    return [material.country_of_origin.code] if material.country_of_origin_id else []


def _languages(material):
    """What the material can be had in: its own language, its files' and its live
    translations' languages."""
    files = material.files.values_list("language__code", flat=True)
    translations = (
        MaterialPage.objects.live()
        .filter(translation_key=material.translation_key, alias_of__isnull=True)
        .exclude(pk=material.pk)
        .select_related("language", "locale")
    )
    return [
        material.content_language_code,
        *(code.lower() for code in files),
        *(other.content_language_code for other in translations),
    ]


def material_document(page):
    if not _is_searchable(page):
        return None
    language = page.content_language_code
    with translation.override(language):
        kind = str(page.get_kind_display())
    fields = page_fields(page, language=language, available_in=_languages(page))
    changes = [
        page.changed_helplines,
        page.changed_legal_references,
        page.changed_imagery_culture,
        page.changed_other,
    ]
    return document(
        page.pk,
        "material",
        page.title,
        summary=page.summary,
        body=plain(
            " ".join(
                [
                    page.get_parent().title,  # found by its campaign's name
                    kind,
                    page.description,
                    page.owner_organisation,
                    page.reuse_conditions,
                    *changes,
                ]
            )
        ),
        target_group=slugs(page.audiences),
        topic=slugs(page.topics),
        country=_country(page),
        adapted=adapted_values(adaptation_countries(page)),
        **fields,
    )


def campaign_document(page):
    if not _is_searchable(page):
        return None
    return document(
        page.pk,
        "campaign",
        page.title,
        summary=page.summary,
        body=plain(" ".join([page.description, page.owner_organisation])),
        country=[page.country_of_origin.code] if page.country_of_origin_id else [],
        **page_fields(page),
    )


def _material_versions(material_pks):
    """These materials in every language: each version's document counts their adaptations."""
    keys = Page.objects.filter(pk__in=material_pks).values("translation_key")
    return MaterialPage.objects.filter(translation_key__in=keys).only("id", "content_type")


def _adapted_materials(materials):
    """The materials these adapt, in every language: their "adapted" counts change when an
    adaptation is published, unpublished, restricted or moved."""
    material_pks = [page.pk for page in materials]
    sources = MaterialPage.objects.filter(pk__in=material_pks, adapted_from__isnull=False)
    return list(_material_versions(sources.values("adapted_from")))


def _materials(campaigns):
    """Materials carry their campaign's title: reindex them with it."""
    return [page for campaign in campaigns for page in with_descendants(campaign)[1:]]


registry.register(
    CampaignPage, "campaign", _("Campaign"), campaign_document, reindex_with=_materials
)
registry.register(
    MaterialPage,
    "material",
    _("Campaign material"),
    material_document,
    related=("audiences", "topics"),
    reindex_with=_adapted_materials,
)

facets.register(
    facets.Facet(
        "adapted",
        _("Adaptations"),
        position=100,
        label_for=lambda value: _("Adapted in %(number)s+ countries") % {"number": value},
        choices=tuple(adapted_values(MAX_ADAPTED)),
        strict=True,
        order="value",
        help="Adapted in at least this many countries (1 to 5; 5 means five or more).",
        example="2",
        invalid=lambda value: (
            _("“adapted” is a number of countries from 1 to %(max)d.") % {"max": MAX_ADAPTED}
        ),
    )
)


@receiver(pre_delete, sender=MaterialPage)
def on_material_deleting(sender, instance, **kwargs):
    """Deleting a material turns its adaptations into materials of their own: Django sets
    their ``adapted_from`` to null without a signal. (Wagtail unpublishes a live page before
    deleting it, so the count of the material it adapts is refreshed on unpublishing.)"""
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


@receiver(post_save)
def on_term_saved(sender, instance, created, **kwargs):
    """Audiences and topics are stored by slug: a term whose slug changed is reindexed."""
    if created or not isinstance(instance, Term):
        return
    materials = getattr(instance, "materials", None)
    if materials is not None:
        transaction.on_commit(
            lambda: sync_later(MaterialPage, materials.values_list("pk", flat=True))
        )
