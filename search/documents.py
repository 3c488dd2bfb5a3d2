"""Pure functions that turn content into search documents, and the list of what is searchable.

Each function takes one object and returns a ``ContentDocument`` as a plain dict, or ``None``
when the object must not be searchable (a draft, a page behind a view restriction, a page
outside the portal's site). They only read: writing is ``search.indexing``'s job.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation
from django.utils.html import strip_tags

from wagtail.models import Page

from portal.models import StandardPage, SupportService
from programmes.models import EvaluationPage, ImplementationReportPage, ProgrammePage
from working_groups.choices import Axis
from working_groups.models import GroupDocument, Meeting, OutputPage, Thread, WorkingGroup

from .schema import PUBLIC, group_visibility


def plain(html_or_text):
    return " ".join(unescape(strip_tags(str(html_or_text or ""))).split())


def stream_text(stream_value):
    """The searchable words of a StreamField, as Wagtail's own search would read them."""
    pieces = []
    for block in stream_value or []:
        pieces.extend(block.block.get_searchable_content(block.value))
    return plain(" ".join(str(piece) for piece in pieces))


def filename_words(filename):
    """ "referral-flowchart_v2.pdf" → "referral flowchart v2 pdf": PostgreSQL's parser keeps a
    file name as one token, so its words would otherwise not be found."""
    return " ".join(re.split(r"[\W_]+", filename)).strip()


def slugs(manager):
    return sorted(term.slug for term in manager.all())


def document(key, type, title, language, url, **fields):
    """A complete ContentDocument dict: every field present, facets as sorted lists."""
    doc = {
        "key": f"{type}:{key}",
        "type": type,
        "title": title,
        "summary": "",
        "body": "",
        "language": language,
        "url": url,
        "date": None,
        "year": None,
        "rating": None,
        "rating_rank": -1,
        "target_group": [],
        "practice": [],
        "prevention_level": [],
        "setting": [],
        "topic": [],
        "country": [],
        "available_in": [language],
        "visibility": [PUBLIC],
    }
    doc.update(fields)
    if doc["date"] is not None:
        doc["date"] = doc["date"].isoformat()
    if doc["year"] is not None:
        doc["year"] = str(doc["year"])
    for name in ("available_in", "country"):
        doc[name] = sorted(set(doc[name]))
    return doc


def is_searchable_page(page):
    """Live, public pages of the portal's own site. Drafts and restricted pages never are."""
    if not page.live or page.get_view_restrictions().exists():
        return False
    site = page.get_site()
    return site is not None and site.is_default_site


def _page_fields(page):
    return {
        "language": page.locale.language_code,
        "url": page.get_url() or "",
        "date": page.last_published_at or page.first_published_at,
        "available_in": _translation_languages(page),
    }


def _translation_languages(page):
    return list(
        Page.objects.filter(translation_key=page.translation_key, live=True).values_list(
            "locale__language_code", flat=True
        )
    )


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


def programme_document(page):
    if not is_searchable_page(page):
        return None
    fields = _page_fields(page)
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
    results = "; ".join(
        f"{result.outcome.name}: {result.get_direction_display()}"
        for result in page.results.select_related("outcome")
    )
    return document(
        page.pk,
        "evaluation",
        page.title,
        summary=page.summary,
        body=plain(" ".join([programme.title, page.reference, page.comparison_group, results])),
        country=[country.code for country in page.countries.all()],
        year=page.publication_year,
        **_programme_facets(programme),
        **_page_fields(page),
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
        **_page_fields(page),
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
        **_page_fields(page),
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


# Working groups. The group and its outputs are public; what is in its private space is
# visible to its members only (``group_visibility``), and is written in whatever language the
# members use, so it is indexed as the portal's default language.
GROUP_LANGUAGE = "en"


def _group_facets(group):
    covers = group.covers
    if covers is None:
        return {}
    return {"practice" if group.axis == Axis.PRACTICE else "target_group": [covers.slug]}


def _group_url(obj):
    with translation.override(GROUP_LANGUAGE):
        return obj.get_absolute_url()


def _private(obj, type, title, group, **fields):
    """A document of a group's private space: only its members may find it."""
    return document(
        obj.pk,
        type,
        title,
        GROUP_LANGUAGE,
        _group_url(obj),
        visibility=[group_visibility(group.pk)],
        **_group_facets(group),
        **fields,
    )


def working_group_document(group):
    return document(
        group.pk,
        "working_group",
        group.name,
        GROUP_LANGUAGE,
        _group_url(group),
        summary=group.description,
        body=plain(group.covers),
        date=group.created_at,
        **_group_facets(group),
    )


def output_document(page):
    if not is_searchable_page(page):
        return None
    return document(
        page.pk,
        "output",
        page.title,
        summary=page.summary,
        body=plain(" ".join([page.group.name, stream_text(page.body)])),
        **_group_facets(page.group),
        **_page_fields(page),
    )


def thread_document(thread):
    """A discussion: its title and every post not removed (removed posts' words must go)."""
    texts = [plain(post.body_html) for post in thread.posts.all() if not post.is_removed]
    return _private(
        thread,
        "discussion",
        thread.title,
        thread.group,
        summary=texts[0][:300] if texts else "",
        body=" ".join(texts),
        date=thread.last_activity_at,
    )


def group_document_document(doc):
    latest = max(doc.versions.all(), key=lambda version: version.number, default=None)
    return _private(
        doc,
        "group_document",
        doc.title,
        doc.group,
        summary=doc.description[:300],
        body=plain(" ".join([doc.description, filename_words(latest.filename if latest else "")])),
        date=doc.updated_at,
    )


def meeting_document(meeting):
    agenda = plain(meeting.agenda_html)
    return _private(
        meeting,
        "meeting",
        meeting.title,
        meeting.group,
        summary=agenda[:300],
        body=" ".join([agenda, plain(meeting.minutes_html)]),
        date=meeting.starts_at,
    )


@dataclass(frozen=True)
class Source:
    """One kind of searchable content: how to find all of it, and how to turn one into a doc.
    ``related``: what ``to_document`` reads from related rows, fetched with each batch."""

    model: type
    type: str
    to_document: object
    related: tuple = ()

    def everything(self):
        queryset = self.model.objects.all()
        if issubclass(self.model, Page):
            queryset = queryset.live().order_by("path")
        else:
            queryset = queryset.order_by("pk")
        return queryset.prefetch_related(*self.related) if self.related else queryset

    def key(self, pk):
        return f"{self.type}:{pk}"


# What group content's documents read from the group, fetched once per batch in a rebuild.
GROUP_RELATED = ("group__practice", "group__target_group")

SOURCES = [
    Source(ProgrammePage, "programme", programme_document),
    Source(EvaluationPage, "evaluation", evaluation_document),
    Source(ImplementationReportPage, "implementation_report", implementation_report_document),
    Source(StandardPage, "page", standard_page_document),
    Source(SupportService, "support_service", support_service_document),
    Source(WorkingGroup, "working_group", working_group_document, ("practice", "target_group")),
    Source(OutputPage, "output", output_document, GROUP_RELATED),
    Source(Thread, "discussion", thread_document, (*GROUP_RELATED, "posts")),
    Source(GroupDocument, "group_document", group_document_document, (*GROUP_RELATED, "versions")),
    Source(Meeting, "meeting", meeting_document, GROUP_RELATED),
]


def source_for(obj):
    for source in SOURCES:
        if type(obj) is source.model:
            return source
    return None


def source_for_type(type_name):
    return next(source for source in SOURCES if source.type == type_name)
