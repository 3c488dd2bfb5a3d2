"""What the catalogue gives to search: programmes, their evaluations and implementation
reports, the evidence-rating facet, and the catalogue as the place to browse instead.

Evaluations and reports carry their programme's facets, so changing a programme (or its
rating, or the slug of one of its terms) reindexes them too."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from search import facets, registry
from search.documents import document, is_searchable_page, page_fields, plain, slugs
from search.signals import sync_pages_later, with_descendants
from vocabularies.models import Term

from .choices import RatingLevel
from .models import EvaluationPage, ImplementationReportPage, ProgrammeIndexPage, ProgrammePage
from .ratings import rating_refreshed


def _programme_facets(programme):
    """Facets a programme passes on to its evaluations and reports."""
    try:
        rating = programme.rating
    except ObjectDoesNotExist:
        rating = None
    return {
        "target_group": slugs(programme.target_groups),
        "practice": slugs(programme.practices),
        "prevention_level": slugs(programme.prevention_levels),
        "setting": slugs(programme.settings),
        "topic": slugs(programme.topics),
        "rating": rating.level if rating else "insufficient",
        "rating_rank": rating.rank if rating else 1,
    }


def _rated_outcomes(programme):
    """Outcomes the programme's published evaluations report on (its rated outcomes)."""
    try:
        rating = programme.rating
    except ObjectDoesNotExist:
        return []
    return sorted(rating.outcomes.values_list("outcome__slug", flat=True))


def programme_document(page):
    if not is_searchable_page(page):
        return None
    fields = page_fields(page)
    fields["available_in"] += [language.code.lower() for language in page.languages.all()]
    return document(
        page.pk,
        "programme",
        page.title,
        summary=page.summary,
        body=plain(
            " ".join(
                [page.description, page.organisation, page.implementation_requirements, page.costs]
            )
        ),
        country=[country.code for country in page.countries.all()],
        year=page.start_year,
        outcome=_rated_outcomes(page),
        **_programme_facets(page),
        **fields,
    )


def _parent_programme(page):
    parent = page.get_parent().specific
    return parent if isinstance(parent, ProgrammePage) else None


def evaluation_document(page):
    programme = _parent_programme(page)
    if programme is None or not is_searchable_page(page):
        return None
    measured = list(page.results.select_related("outcome"))
    results = "; ".join(
        f"{result.outcome.name}: {result.get_direction_display()}" for result in measured
    )
    return document(
        page.pk,
        "evaluation",
        page.title,
        summary=page.summary,
        body=plain(" ".join([programme.title, page.reference, page.comparison_group, results])),
        country=[country.code for country in page.countries.all()],
        year=page.publication_year,
        outcome=sorted({result.outcome.slug for result in measured}),
        **_programme_facets(programme),
        **page_fields(page),
    )


def implementation_report_document(page):
    programme = _parent_programme(page)
    if programme is None or not is_searchable_page(page):
        return None
    facets = _programme_facets(programme)
    if page.setting_id:
        facets["setting"] = [page.setting.slug]
    return document(
        page.pk,
        "implementation_report",
        page.title,
        summary=page.observations[:500],
        body=plain(
            " ".join(
                [
                    programme.title,
                    page.place,
                    page.adaptations,
                    page.barriers,
                    page.cost,
                    page.observations,
                ]
            )  # fmt: skip
        ),
        country=[page.country.code],
        year=page.started.year if page.started else None,
        **facets,
        **page_fields(page),
    )


def _subpages(programmes):
    """Evaluations and reports read their programme's facets: reindex them with it."""
    return [page for programme in programmes for page in with_descendants(programme)[1:]]


registry.register(
    ProgrammePage,
    "programme",
    _("Programme"),
    programme_document,
    reindex_with=_subpages,
    shows_rating=True,
)
registry.register(EvaluationPage, "evaluation", _("Evaluation"), evaluation_document)
registry.register(
    ImplementationReportPage,
    "implementation_report",
    _("Implementation report"),
    implementation_report_document,
)

facets.register(
    facets.Facet(
        "rating",
        _("Evidence rating"),
        position=110,
        names=lambda: dict(RatingLevel.choices),
        multi=False,
        choices=tuple(RatingLevel.values),
        vocabulary="rating",
        help="Evidence rating level (vocabulary `rating`); `insufficient` includes unrated.",
        example="supported",
    )
)


def catalogue_url(request):
    catalogues = ProgrammeIndexPage.objects.live()
    catalogue = catalogues.filter(locale=Locale.get_active()).first() or catalogues.first()
    return catalogue.get_url(request) if catalogue else None


registry.register_page("catalogue", catalogue_url)


@receiver(rating_refreshed)
def on_rating_refreshed(sender, programmes, **kwargs):
    sync_pages_later(programmes)


@receiver(post_save)
def on_term_saved(sender, instance, created, **kwargs):
    """A renamed term needs no reindex (labels are read at display time); a new slug does."""
    if created or not isinstance(instance, Term):
        return
    programmes = getattr(instance, "programmes", None)
    if programmes is not None:
        transaction.on_commit(lambda: sync_pages_later(programmes.all()))
