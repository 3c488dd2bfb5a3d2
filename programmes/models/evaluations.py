"""What hangs under a programme: evaluations (by researchers) and implementation reports
(by practitioners). Both are pages so that they go through moderation and only published
ones count."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.i18n import VisitorLanguageURLs

from ..choices import Direction, Fidelity, Independence, Significance

doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$", _("Enter a DOI such as 10.1111/jsm.12785 (without https://doi.org/).")
)


def not_in_future(year):
    if year and year > timezone.now().year:
        raise ValidationError(_("The publication year cannot be in the future."))


class EvaluationPage(VisitorLanguageURLs, Page):
    reference = models.TextField(_("reference"), help_text=_("The full citation."))
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[doi_validator])
    study_url = models.URLField(_("link to the study"), blank=True)
    publication_year = models.PositiveSmallIntegerField(
        _("publication year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), not_in_future],
    )
    design = models.ForeignKey(
        "programmes.StudyDesign",
        on_delete=models.PROTECT,
        related_name="evaluations",
        verbose_name=_("study design"),
    )
    sample_size = models.PositiveIntegerField(
        _("sample size"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    comparison_group = models.TextField(_("comparison group"), blank=True)
    follow_up_months = models.PositiveSmallIntegerField(
        _("follow-up (months)"), null=True, blank=True, validators=[MaxValueValidator(600)]
    )
    independence = models.CharField(
        _("independence"), max_length=20, choices=Independence.choices, default=Independence.UNKNOWN
    )
    countries = ParentalManyToManyField(
        "vocabularies.Country", blank=True, related_name="evaluations", verbose_name=_("countries")
    )
    summary = models.TextField(_("what it found"), blank=True)
    is_demo_content = models.BooleanField(_("demo content"), default=False, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("reference"),
                FieldRowPanel([FieldPanel("doi"), FieldPanel("study_url")]),
                FieldPanel("publication_year"),
            ],
            heading=_("Reference"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("design", widget=forms.Select),
                FieldRowPanel([FieldPanel("sample_size"), FieldPanel("follow_up_months")]),
                FieldPanel("comparison_group"),
                FieldPanel("independence"),
                FieldPanel("countries"),
            ],
            heading=_("Method"),
        ),
        FieldPanel("summary"),
        InlinePanel("results", label=_("Results per outcome"), min_num=1),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("reference"),
        index.SearchField("summary"),
    ]

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("evaluation")


class EvaluationResult(Orderable):
    """One outcome an evaluation measured, and what it found."""

    evaluation = ParentalKey(EvaluationPage, on_delete=models.CASCADE, related_name="results")
    outcome = models.ForeignKey(
        "vocabularies.Outcome", on_delete=models.PROTECT, related_name="results"
    )
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    significance = models.CharField(
        _("significance"),
        max_length=20,
        choices=Significance.choices,
        default=Significance.NOT_REPORTED,
    )
    effect_size = models.DecimalField(
        _("effect size"), max_digits=6, decimal_places=3, null=True, blank=True
    )
    effect_size_measure = models.CharField(
        _("effect size measure"),
        max_length=60,
        blank=True,
        help_text=_("e.g. Cohen's d, odds ratio"),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    panels = [
        FieldPanel("outcome", widget=forms.Select),
        FieldRowPanel([FieldPanel("direction"), FieldPanel("significance")]),
        FieldRowPanel([FieldPanel("effect_size"), FieldPanel("effect_size_measure")]),
        FieldPanel("note"),
    ]

    def __str__(self):
        return f"{self.outcome}: {self.get_direction_display()}"

    @property
    def significant(self):
        return {
            Significance.SIGNIFICANT: True,
            Significance.NOT_SIGNIFICANT: False,
        }.get(self.significance)


class ImplementationReportPage(VisitorLanguageURLs, Page):
    """A practitioner's account of running the programme somewhere."""

    country = models.ForeignKey(
        "vocabularies.Country", on_delete=models.PROTECT, related_name="implementation_reports"
    )
    place = models.CharField(_("where"), max_length=200, blank=True, help_text=_("City or region"))
    started = models.DateField(_("from"), null=True, blank=True)
    ended = models.DateField(_("until"), null=True, blank=True)
    setting = models.ForeignKey(
        "vocabularies.Setting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implementation_reports",
    )
    adaptation_kinds = ParentalManyToManyField(
        "vocabularies.AdaptationKind",
        blank=True,
        related_name="implementation_reports",
        verbose_name=_("kinds of adaptation"),
    )
    adaptations = models.TextField(_("adaptations made"), blank=True)
    barrier_kinds = ParentalManyToManyField(
        "vocabularies.Barrier",
        blank=True,
        related_name="implementation_reports",
        verbose_name=_("kinds of barrier"),
    )
    barriers = models.TextField(_("barriers"), blank=True)
    fidelity = models.CharField(
        _("fidelity"), max_length=10, choices=Fidelity.choices, default=Fidelity.UNKNOWN
    )
    cost = models.TextField(_("cost"), blank=True)
    observations = models.TextField(_("what we observed"), blank=True)
    is_demo_content = models.BooleanField(_("demo content"), default=False, editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("country"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("started"), FieldPanel("ended")]),
        FieldPanel("setting", widget=forms.Select),
        FieldPanel("adaptation_kinds", widget=forms.CheckboxSelectMultiple),
        FieldPanel("adaptations"),
        FieldPanel("barrier_kinds", widget=forms.CheckboxSelectMultiple),
        FieldPanel("barriers"),
        FieldPanel("fidelity"),
        FieldPanel("cost"),
        FieldPanel("observations"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("observations"),
        index.SearchField("adaptations"),
        index.SearchField("barriers"),
    ]

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("implementation report")

    def clean(self):
        super().clean()
        if self.started and self.ended and self.ended < self.started:
            raise ValidationError({"ended": _("The end date is before the start date.")})
