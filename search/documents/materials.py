"""Documents of campaigns and their materials.

Every version of a material is a document of its own: each Wagtail translation (the same
translation key in another locale) and each adaptation (a material of its own, made for one
country). Adaptations count towards the material they adapt, in every language it has: the
number of countries with one is its ``adapted`` facet (``search.schema.adapted_values``).
"""

from django.utils import translation

from campaigns.models import MaterialPage

from ..schema import adapted_values
from .common import document, is_searchable_page, page_fields, plain, slugs


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
