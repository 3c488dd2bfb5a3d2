"""The search facets as SQL conditions on materials, mirroring
``search.documents.materials``: ``target_group`` is a material's audience; ``country`` where it
is from (an adaptation: the country it was made for); ``language`` the language it is written
in; ``available_in`` its own, its files' and its live translations' languages; ``adapted`` the
number of countries a live adaptation of it was made for ("3": three or more)."""

from django.db.models import Count, Q

from portal.api.facets import FacetFilters

from ..models import MaterialFile, MaterialPage


def _related(field, lookup="slug"):
    def condition(values):
        found = MaterialPage.objects.filter(**{f"{field}__{lookup}__in": values})
        return Q(pk__in=found.values("pk"))

    return condition


def written_in(values):
    """The version is written in one of these languages (an adaptation names its own)."""
    return Q(language__code__in=values) | Q(language__isnull=True, locale__language_code__in=values)


def _available_in(values):
    files = MaterialFile.objects.filter(language__code__in=values)
    translations = (
        MaterialPage.objects.live().filter(alias_of__isnull=True).filter(written_in(values))
    )
    return (
        written_in(values)
        | Q(pk__in=files.values("page_id"))
        | Q(translation_key__in=translations.values("translation_key"))
    )


def _from_country(values):
    adaptation = Q(adapted_from__isnull=False, adapted_for__isnull=False)
    return (adaptation & Q(adapted_for__code__in=values)) | (
        ~adaptation & Q(country_of_origin__code__in=values)
    )


def adaptations():
    """Live, public adaptations made for a country."""
    return (
        MaterialPage.objects.live()
        .public()
        .filter(adapted_from__isnull=False, adapted_for__isnull=False)
    )


def _adapted(values):
    """Values of this facet are "at least n countries", so any of them means the smallest."""
    at_least = min(int(value) for value in values)
    sources = (
        adaptations()
        .values("adapted_from__translation_key")
        .annotate(countries=Count("adapted_for", distinct=True))
        .filter(countries__gte=at_least)
        .values("adapted_from__translation_key")
    )
    return Q(translation_key__in=sources)


MATERIALS = FacetFilters(
    "material",
    {
        "target_group": _related("audiences"),
        "topic": _related("topics"),
        "country": _from_country,
        "language": written_in,
        "available_in": _available_in,
        "adapted": _adapted,
    },
)
