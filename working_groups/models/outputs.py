"""Outputs: what a group publishes for everyone, as ordinary public pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from portal.blocks import BodyBlock
from portal.i18n import VisitorLanguageURLs

from ..choices import OutputKind


class OutputIndexPage(VisitorLanguageURLs, Page):
    """The public list of every group's guidelines and reports."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["working_groups.OutputPage"]
    max_count_per_parent = 1
    template = "working_groups/output_index_page.html"

    class Meta:
        verbose_name = _("working-group outputs index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outputs"] = (
            OutputPage.objects.live().child_of(self).select_related("group").order_by("-date")
        )
        return context


class OutputPage(VisitorLanguageURLs, Page):
    """A guideline or report from a working group."""

    group = models.ForeignKey(
        "working_groups.WorkingGroup",
        on_delete=models.PROTECT,
        related_name="outputs",
        verbose_name=_("working group"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OutputKind.choices)
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), max_length=1000)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    file = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("file to download"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("group"),
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("file"),
    ]
    search_fields = Page.search_fields
    parent_page_types = ["working_groups.OutputIndexPage"]
    subpage_types = []
    template = "working_groups/output_page.html"

    class Meta:
        verbose_name = _("working-group output")
