"""Pure functions that turn content into search documents, and the list of what is searchable.

Each function takes one object and returns a ``ContentDocument`` as a plain dict, or ``None``
when the object must not be searchable (a draft, a page behind a view restriction, a page
outside the portal's site). They only read: writing is ``search.indexing``'s job.

One module per domain: ``catalogue`` (programmes and the portal's pages), ``groups``
(working groups) and ``materials`` (campaigns and materials), on the shared ``common``.
"""

from dataclasses import dataclass

from wagtail.models import Page

from campaigns.models import CampaignPage, MaterialPage
from portal.models import StandardPage, SupportService
from programmes.models import EvaluationPage, ImplementationReportPage, ProgrammePage
from working_groups.models import GroupDocument, Meeting, OutputPage, Thread, WorkingGroup

from .catalogue import (
    evaluation_document,
    implementation_report_document,
    programme_document,
    standard_page_document,
    support_service_document,
)
from .common import document, filename_words, is_searchable_page, plain, slugs, stream_text
from .groups import (
    group_document_document,
    meeting_document,
    output_document,
    thread_document,
    working_group_document,
)
from .materials import adaptation_countries, campaign_document, material_document

__all__ = [
    "SOURCES",
    "Source",
    "adaptation_countries",
    "campaign_document",
    "document",
    "evaluation_document",
    "filename_words",
    "group_document_document",
    "implementation_report_document",
    "is_searchable_page",
    "material_document",
    "meeting_document",
    "output_document",
    "plain",
    "programme_document",
    "slugs",
    "source_for",
    "source_for_type",
    "standard_page_document",
    "stream_text",
    "support_service_document",
    "thread_document",
    "working_group_document",
]


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
    Source(CampaignPage, "campaign", campaign_document),
    Source(MaterialPage, "material", material_document, ("audiences", "topics")),
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
