"""Documents of the catalogue and the portal's own pages: programmes, their evaluations and
implementation reports, standard pages and support services."""

from django.core.exceptions import ObjectDoesNotExist

from programmes.models import ProgrammePage

from .common import document, is_searchable_page, page_fields, plain, slugs, stream_text


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


def standard_page_document(page):
    if not is_searchable_page(page):
        return None
    return document(
        page.pk,
        "page",
        page.title,
        summary=page.intro,
        body=stream_text(page.body),
        **page_fields(page),
    )


def support_service_document(service):
    """Support services have no language of their own: they are listed in every language."""
    languages = [language.code.lower() for language in service.languages.all()]
    return document(
        service.pk,
        "support_service",
        service.name,
        language=languages[0] if languages else "en",
        url=service.get_absolute_url(),
        summary=service.description,
        body=plain(" ".join([service.get_kind_display(), service.phone, service.website])),
        country=[service.country.code] if service.country_id else [],
        available_in=languages or ["en"],
        date=service.updated_at,
    )
