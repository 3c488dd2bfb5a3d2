"""The catalogue's page tree: ProgrammeIndexPage > ProgrammePage > evaluations and reports."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.forms import CheckboxSelectMultiple
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.i18n import VisitorLanguageURLs
from portal.translations import one_per_family

from ..choices import ProgrammeStatus

PROGRAMMES_PER_PAGE = 20


class ProgrammeIndexPage(VisitorLanguageURLs, Page):
    """The catalogue: browse programmes by target group, practice, level, country and rating."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme catalogue")

    def programmes(self):
        """Live programmes of every language version of this catalogue, each once, in the
        best language for the visitor (``portal.translations``), with everything a result
        card shows."""
        catalogues = Q()
        for version in self.get_translations(inclusive=True).only("path", "depth"):
            catalogues |= Q(path__startswith=version.path, depth=version.depth + 1)
        pages = ProgrammePage.objects.live().filter(catalogues)
        return (
            one_per_family(pages, get_language())
            .select_related("rating")
            .prefetch_related("target_groups", "countries", "prevention_levels")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from ..catalogue import ProgrammeFilterForm, filter_programmes, with_current_names

        context = super().get_context(request, *args, **kwargs)
        programmes = self.programmes()
        params = with_current_names(request.GET)
        form = ProgrammeFilterForm(params or None, programmes=programmes)
        if form.is_valid():
            programmes = filter_programmes(programmes, form.cleaned_data)
        page = Paginator(programmes, PROGRAMMES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            filter_form=form,
            programmes=page,
            active_filters=form.active_filters() if form.is_valid() else [],
            querystring_without_page=form.querystring_without_page(params),
        )
        return context


class ProgrammePage(VisitorLanguageURLs, Page):
    """A prevention programme, with every fact DOMAIN.md lists. Its rating is computed."""

    summary = models.TextField(_("summary"), max_length=500)
    description = RichTextField(_("what it is"), blank=True)
    organisation = models.CharField(_("organisation that runs it"), max_length=255)
    contact = models.CharField(
        _("public contact"),
        max_length=255,
        blank=True,
        help_text=_("An organisational address or web form. Never a private person's details."),
    )
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProgrammeStatus.choices, default=ProgrammeStatus.ACTIVE
    )
    start_year = models.PositiveSmallIntegerField(_("started in"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("ended in"), null=True, blank=True)

    practices = ParentalManyToManyField(
        "vocabularies.Practice", blank=True, related_name="programmes"
    )
    target_groups = ParentalManyToManyField(
        "vocabularies.TargetGroup", blank=True, related_name="programmes"
    )
    prevention_levels = ParentalManyToManyField(
        "vocabularies.PreventionLevel", blank=True, related_name="programmes"
    )
    legal_anchors = ParentalManyToManyField(
        "vocabularies.LegalAnchor", blank=True, related_name="programmes"
    )
    settings = ParentalManyToManyField(
        "vocabularies.Setting", blank=True, related_name="programmes"
    )
    delivery_modes = ParentalManyToManyField(
        "vocabularies.DeliveryMode", blank=True, related_name="programmes"
    )
    topics = ParentalManyToManyField("vocabularies.Topic", blank=True, related_name="programmes")
    vulnerable_groups = ParentalManyToManyField(
        "vocabularies.VulnerableGroup", blank=True, related_name="programmes"
    )
    countries = ParentalManyToManyField(
        "vocabularies.Country", blank=True, related_name="programmes", verbose_name=_("runs in")
    )
    languages = ParentalManyToManyField(
        "vocabularies.Language", blank=True, related_name="programmes"
    )

    age_min = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    costs = models.TextField(_("costs"), blank=True)
    implementation_requirements = models.TextField(_("what implementation needs"), blank=True)
    has_manual = models.BooleanField(_("has a manual"), null=True, blank=True)
    needs_training = models.BooleanField(_("needs training"), null=True, blank=True)
    needs_supervision = models.BooleanField(_("needs supervision"), null=True, blank=True)

    source_url = models.URLField(
        _("source"), blank=True, help_text=_("Where the facts on this page come from.")
    )
    is_demo_content = models.BooleanField(_("demo content"), default=False, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("contact"),
                FieldPanel("website"),
                FieldRowPanel(
                    [FieldPanel("status"), FieldPanel("start_year"), FieldPanel("end_year")]
                ),
            ],
            heading=_("Who runs it"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_groups", widget=CheckboxSelectMultiple),
                FieldPanel("prevention_levels", widget=CheckboxSelectMultiple),
                FieldPanel("practices", widget=CheckboxSelectMultiple),
                FieldPanel("legal_anchors", widget=CheckboxSelectMultiple),
                FieldPanel("settings", widget=CheckboxSelectMultiple),
                FieldPanel("delivery_modes", widget=CheckboxSelectMultiple),
                FieldPanel("topics", widget=CheckboxSelectMultiple),
                FieldPanel("vulnerable_groups", widget=CheckboxSelectMultiple),
                FieldPanel("countries"),
                FieldPanel("languages"),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("costs"),
                FieldPanel("implementation_requirements"),
                FieldRowPanel(
                    [
                        FieldPanel("has_manual"),
                        FieldPanel("needs_training"),
                        FieldPanel("needs_supervision"),
                    ]
                ),
            ],
            heading=_("Implementation"),
        ),
        InlinePanel("links", label=_("Links")),
        FieldPanel("source_url"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("organisation"),
    ]

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = ["programmes.EvaluationPage", "programmes.ImplementationReportPage"]

    class Meta:
        verbose_name = _("programme")

    def get_context(self, request, *args, **kwargs):
        from ..ratings import evaluations_for, rating_history, translations_of

        context = super().get_context(request, *args, **kwargs)
        family = translations_of(self)
        context.update(
            evaluations=evaluations_for(self, family),
            rating=self.current_rating(),
            rating_history=list(rating_history(self)),
            **self.reports_context(request, family),
        )
        return context

    def reports_context(self, request, family=None):
        """Published implementation reports, filtered as the visitor asked, and what they add
        up to. A fixed number of queries however many reports there are."""
        from ..ratings import reports_for
        from ..reports import ReportFilterForm, summarise, with_kinds

        all_reports = with_kinds(reports_for(self, family))
        form = ReportFilterForm(request.GET or None, reports=all_reports)
        reports = form.apply(all_reports)
        return {
            "reports": reports,
            "reports_total": len(all_reports),
            "report_filter_form": form,
            "report_summary": summarise(reports),
        }

    def current_rating(self):
        """The stored, computed rating with its per-outcome ratings, in two queries."""
        from .rating import OutcomeRating, ProgrammeRating

        return (
            ProgrammeRating.objects.filter(programme=self)
            .prefetch_related(Prefetch("outcomes", OutcomeRating.objects.select_related("outcome")))
            .first()
        )


class ProgrammeLink(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("link text"), max_length=150)
    url = models.URLField(_("address"))

    panels = [FieldPanel("title"), FieldPanel("url")]

    def __str__(self):
        return self.title
