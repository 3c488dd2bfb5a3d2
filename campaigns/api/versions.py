"""What a page of materials needs from other pages, fetched for all of them at once: each
published language version's translation status, the lineage of adaptations, and the
campaign. A fixed number of queries whatever the number of materials.
"""

from collections import defaultdict

from django.db.models import F

from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from portal.api.pages import parents_by_path, published
from portal.translations import pick_one_per_family

from ..models import CampaignPage, MaterialPage
from ..translation_status import coverage
from .filters import adaptations


def _sources(keys):
    """The version each family is translated from, by ``translation_status.source_of``'s rule
    (the one wagtail-localize translates from, else the default language's, else the oldest)."""
    localized_from = set(
        TranslationSource.objects.filter(
            object_id__in=keys, translations__enabled=True
        ).values_list("object_id", "locale_id")
    )
    default_locale_id = Locale.get_default().pk
    families = defaultdict(list)
    for page in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True):
        families[page.translation_key].append(page)
    return {
        key: min(
            pages,
            key=lambda p: (
                (key, p.locale_id) not in localized_from,
                p.locale_id != default_locale_id,
                p.pk,
            ),
        )
        for key, pages in families.items()
    }


def attach_translations(materials):
    """``api_translations``: every published version with its status against the source
    (``source``, ``current`` or ``out_of_date``; see ``campaigns.translation_status``)."""
    sources = _sources({material.translation_key for material in materials})
    table = coverage(sources.values())
    for material in materials:
        source = sources.get(material.translation_key)
        statuses = table.get(source.pk, {}) if source else {}
        material.api_translations = [
            {**version, "status": statuses[version["locale"]].status}
            for version in material.api_versions
            if version["locale"] in statuses
        ]
    return materials


def attach_lineage(materials, lang):
    """``api_adapted_from`` (the published material it was adapted from, or None),
    ``api_adaptations`` (published adaptations of any of its versions, one per family) and
    ``api_adapted_in`` (in how many countries a live adaptation of it exists)."""
    keys = {material.translation_key for material in materials}
    sources = published(MaterialPage).in_bulk(
        {m.adapted_from_id for m in materials if m.adapted_from_id}
    )
    found = (
        published(MaterialPage)
        .filter(adapted_from__translation_key__in=keys)
        .select_related("adapted_for", "language")
        .annotate(api_source_key=F("adapted_from__translation_key"))
        .order_by("title", "pk")
    )
    by_source = defaultdict(list)
    for adaptation in found:
        by_source[adaptation.api_source_key].append(adaptation)
    countries = defaultdict(set)
    for key, country_id in (
        adaptations()
        .filter(adapted_from__translation_key__in=keys)
        .values_list("adapted_from__translation_key", "adapted_for")
    ):
        countries[key].add(country_id)
    for material in materials:
        material.api_adapted_from = sources.get(material.adapted_from_id)
        material.api_adaptations = pick_one_per_family(by_source[material.translation_key], lang)
        material.api_adapted_in = len(countries[material.translation_key])
    return materials


def attach_campaigns(materials, request):
    """``api_campaign``: the live campaign a material belongs to (with its ``api_url``), or
    None."""
    campaigns = parents_by_path(materials, CampaignPage)
    for material in materials:
        campaign = campaigns.get(material.pk)
        if campaign is not None and campaign.live:
            campaign.api_url = campaign.get_full_url(request) or ""
        else:
            campaign = None
        material.api_campaign = campaign
    return materials
