"""What only the catalogue reads of the vocabularies: study designs, with their evidence tier."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from vocabularies.models import Term

from ..choices import DesignTier


class StudyDesign(Term):
    tier = models.CharField(
        _("evidence tier"),
        max_length=20,
        choices=DesignTier.choices,
        help_text=_("What this design can say about cause and effect. The rating rubric reads it."),
    )

    panels = Term.panels + [FieldPanel("tier")]

    class Meta(Term.Meta):
        verbose_name = _("study design")
        verbose_name_plural = _("study designs")
