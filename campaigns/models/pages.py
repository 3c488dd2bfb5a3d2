"""Campaign pages and material pages.

A material's *translations* are Wagtail translations of the same page (same translation key,
another locale), made with wagtail-localize. An *adaptation* is a new material of its own that
records the material it was adapted from, the country and language it was made for, and what
was changed. Adaptations live beside their source, so ``language`` says what language they are
in; for every other material the page's locale does.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.i18n import VisitorLanguageURLs
from portal.translations import one_per_family

from ..choices import ADAPTABLE_LICENCES, Licence, MaterialKind

MATERIALS_PER_PAGE = 20


class CampaignIndexPage(VisitorLanguageURLs, Page):
    """Every campaign, and a browser of their materials."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count_per_parent = 1
    template = "campaigns/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaigns index")

    def get_context(self, request, *args, **kwargs):
        """The campaigns, and the material browser: one locale's live materials, filtered."""
        from ..catalogue import (
            MaterialFilterForm,
            annotate_cards,
            browsable_materials,
            filter_materials,
            in_every_version_of,
        )

        context = super().get_context(request, *args, **kwargs)
        form = MaterialFilterForm(request.GET or None)
        materials = filter_materials(browsable_materials(self), form.selected(), self.locale)
        results = Paginator(materials, MATERIALS_PER_PAGE).get_page(request.GET.get("page"))
        results.object_list = annotate_cards(results.object_list)
        campaigns = (
            one_per_family(
                CampaignPage.objects.live().filter(in_every_version_of(self)), get_language()
            )
            .select_related("country_of_origin")
            .order_by("path")
        )
        context.update(
            campaigns=campaigns,
            filter_form=form,
            materials=results,
            active_filters=form.active_filters(),
            querystring_without_page=form.querystring_without_page(request.GET),
        )
        return context


class CampaignPage(VisitorLanguageURLs, Page):
    """A campaign (Europol's "Say No!", the Council of Europe's "ONE in FIVE"), grouping its
    materials."""

    summary = models.TextField(_("summary"), max_length=600)
    description = RichTextField(_("description"), blank=True)
    owner_organisation = models.CharField(_("owner organisation"), max_length=255)
    country_of_origin = models.ForeignKey(
        "vocabularies.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty for an international campaign."),
    )
    source_url = models.URLField(_("source"), blank=True)
    is_demo_content = models.BooleanField(_("demo content"), default=False, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("owner_organisation"),
        FieldPanel("country_of_origin"),
        FieldPanel("source_url"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["campaigns.MaterialPage"]
    template = "campaigns/campaign_page.html"

    class Meta:
        verbose_name = _("campaign")

    def get_context(self, request, *args, **kwargs):
        from ..catalogue import annotate_cards, browsable_materials

        context = super().get_context(request, *args, **kwargs)
        context["materials"] = annotate_cards(browsable_materials(self))
        return context


class MaterialPage(VisitorLanguageURLs, Page):
    summary = models.TextField(_("summary"), max_length=600)
    description = RichTextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=MaterialKind.choices)
    audiences = ParentalManyToManyField(
        "vocabularies.TargetGroup", blank=True, related_name="materials", verbose_name=_("audience")
    )
    age_min = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    topics = ParentalManyToManyField(
        "vocabularies.Topic", blank=True, related_name="materials", verbose_name=_("topics")
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices)
    reuse_conditions = models.TextField(
        _("reuse conditions"),
        blank=True,
        help_text=_("What a reuser must do: credit line, asking first, keeping the logo…"),
    )
    owner_organisation = models.CharField(_("owner organisation"), max_length=255)
    country_of_origin = models.ForeignKey(
        "vocabularies.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="materials_from",
        verbose_name=_("country of origin"),
    )
    language_of_origin = models.ForeignKey(
        "vocabularies.Language",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="materials_originally_in",
        verbose_name=_("language of origin"),
    )
    source_url = models.URLField(_("source"), blank=True)

    # Adaptation: a national version made from another material.
    adapted_from = models.ForeignKey(
        "campaigns.MaterialPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
        verbose_name=_("adapted from"),
    )
    adapted_for = models.ForeignKey(
        "vocabularies.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adapted_materials",
        verbose_name=_("adapted for"),
    )
    language = models.ForeignKey(
        "vocabularies.Language",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("language of this version"),
        help_text=_("For an adaptation. Leave empty: the page's own language is used."),
    )
    changed_helplines = models.TextField(_("local helplines"), blank=True)
    changed_legal_references = models.TextField(_("legal references"), blank=True)
    changed_imagery_culture = models.TextField(_("imagery and cultural changes"), blank=True)
    changed_other = models.TextField(_("other changes"), blank=True)
    adapted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    is_demo_content = models.BooleanField(_("demo content"), default=False, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audiences"),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("topics"),
            ],
            heading=_("What it is"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("owner_organisation"),
                FieldPanel("licence"),
                FieldPanel("reuse_conditions"),
                FieldPanel("country_of_origin"),
                FieldPanel("language_of_origin"),
                FieldPanel("source_url"),
            ],
            heading=_("Who made it and how it may be reused"),
        ),
        InlinePanel("files", heading=_("Files, per language"), label=_("file")),
        InlinePanel("videos", heading=_("Video links"), label=_("video")),
        InlinePanel("images", heading=_("Images"), label=_("image")),
        MultiFieldPanel(
            [
                FieldPanel("adapted_from"),
                FieldPanel("adapted_for"),
                FieldPanel("language"),
                FieldPanel("changed_helplines"),
                FieldPanel("changed_legal_references"),
                FieldPanel("changed_imagery_culture"),
                FieldPanel("changed_other"),
            ],
            heading=_("Adaptation"),
            classname="collapsed",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["campaigns.CampaignPage"]
    subpage_types = []
    template = "campaigns/material_page.html"

    class Meta:
        verbose_name = _("material")

    def get_context(self, request, *args, **kwargs):
        """What a reuser needs: files grouped by language (the visitor's first), the terms."""
        from ..catalogue import files_by_language

        context = super().get_context(request, *args, **kwargs)
        files = self.files.select_related("language", "document")
        language = self.content_language_code
        context.update(
            # Set when this version's language is not the interface's, for lang="…".
            content_lang=language if language != get_language() else "",
            file_groups=files_by_language(files, first=(get_language(), language)),
            videos=self.videos.select_related("language"),
            images=self.images.select_related("image").prefetch_related("image__renditions"),
            may_adapt=self.licence in ADAPTABLE_LICENCES,
            asks_permission=self.licence in (Licence.ON_REQUEST, Licence.RESERVED),
            adapted_from=self.adapted_from.localized if self.adapted_from else None,
        )
        return context

    @property
    def content_language_code(self):
        """The language this version is written in."""
        if self.language_id:
            return self.language.code.lower()
        return self.locale.language_code

    @property
    def is_adaptation(self):
        return self.adapted_from_id is not None


class MaterialFile(Orderable):
    page = ParentalKey(MaterialPage, on_delete=models.CASCADE, related_name="files")
    language = models.ForeignKey(
        "vocabularies.Language", on_delete=models.PROTECT, related_name="+"
    )
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("label"), max_length=200, blank=True)

    panels = [FieldPanel("language"), FieldPanel("document"), FieldPanel("label")]


class MaterialVideo(Orderable):
    page = ParentalKey(MaterialPage, on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"))
    language = models.ForeignKey(
        "vocabularies.Language", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("language")]


class MaterialImage(Orderable):
    page = ParentalKey(MaterialPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
