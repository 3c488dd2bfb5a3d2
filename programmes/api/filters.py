"""The search facets as SQL conditions on the catalogue's pages.

Each condition mirrors what ``search.documents.catalogue`` puts in a document's facet, so a
filter finds here what it finds in search: an evaluation or a report carries its programme's
target groups, practices, levels, settings, topics and rating; a programme's ``outcome`` is
what it is rated on, an evaluation's what it measured; ``year`` is the year a programme
started, an evaluation was published, a report's implementation began.
"""

from django.db.models import Q

from wagtail.models import Page

from portal.api.facets import FacetFilters
from portal.api.pages import parent_path

from ..models import EvaluationPage, ProgrammePage, ProgrammeRating


def _related(model, field, lookup="slug"):
    def condition(values):
        return Q(pk__in=model.objects.filter(**{f"{field}__{lookup}__in": values}).values("pk"))

    return condition


def _language(values):
    return Q(locale__language_code__in=values)


def _live_version_in(values):
    """Some live version of the page (itself or a translation) is in one of these languages."""
    versions = Page.objects.live().filter(alias_of__isnull=True, locale__language_code__in=values)
    return Q(translation_key__in=versions.values("translation_key"))


def _years(field):
    return lambda values: Q(**{f"{field}__in": [int(value) for value in values]})


def _rating(values):
    condition = Q(rating__level__in=values)
    if "insufficient" in values:  # search counts an unrated programme as insufficient
        condition |= Q(rating__isnull=True)
    return condition


def _rated_on(values):
    rated = ProgrammeRating.objects.filter(outcomes__outcome__slug__in=values)
    return Q(pk__in=rated.values("programme_id"))


def _programme_languages(values):
    return _live_version_in(values) | _related(ProgrammePage, "languages", "code")(values)


# What a programme passes on to its evaluations and reports.
PASSED_ON = {
    "target_group": _related(ProgrammePage, "target_groups"),
    "practice": _related(ProgrammePage, "practices"),
    "prevention_level": _related(ProgrammePage, "prevention_levels"),
    "setting": _related(ProgrammePage, "settings"),
    "topic": _related(ProgrammePage, "topics"),
    "rating": _rating,
}

PROGRAMMES = FacetFilters(
    "programme",
    {
        **PASSED_ON,
        "outcome": _rated_on,
        "country": _related(ProgrammePage, "countries", "code"),
        "language": _language,
        "available_in": _programme_languages,
        "year": _years("start_year"),
    },
)


def _of_programme(condition):
    """A programme's condition, on the programme a page hangs under."""

    def on_parent(values):
        programmes = ProgrammePage.objects.filter(condition(values))
        return Q(api_parent_path__in=programmes.values("path"))

    return on_parent


def with_programme(pages):
    """Pages under a live programme, annotated with their parent's path for the filters."""
    return pages.annotate(api_parent_path=parent_path()).filter(
        api_parent_path__in=ProgrammePage.objects.live().values("path")
    )


INHERITED = {facet: _of_programme(condition) for facet, condition in PASSED_ON.items()}

EVALUATIONS = FacetFilters(
    "evaluation",
    {
        **INHERITED,
        "outcome": _related(EvaluationPage, "results__outcome"),
        "country": _related(EvaluationPage, "countries", "code"),
        "language": _language,
        "available_in": _live_version_in,
        "year": _years("publication_year"),
    },
)


def _report_setting(values):
    """A report's own setting, or its programme's settings when it names none."""
    return Q(setting__slug__in=values) | (Q(setting__isnull=True) & INHERITED["setting"](values))


REPORTS = FacetFilters(
    "implementation_report",
    {
        **INHERITED,
        "setting": _report_setting,
        "country": lambda values: Q(country__code__in=values),
        "language": _language,
        "available_in": _live_version_in,
        "year": _years("started__year"),
    },
)
