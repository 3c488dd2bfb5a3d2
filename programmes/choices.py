from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class DesignTier(models.TextChoices):
    """How much a study design can say about cause and effect (read by the rubric)."""

    STRONG = "strong", _("Strong: randomised trial or systematic review")
    MODERATE = "moderate", _("Moderate: matched comparison group")
    WEAK = "weak", _("Weak: no comparison group")
    DESCRIPTIVE = "descriptive", _("Descriptive: says nothing about effect")


class Direction(models.TextChoices):
    POSITIVE = "positive", _("Positive (beneficial)")
    NONE = "none", _("No effect")
    HARMFUL = "harmful", _("Harmful")


class Significance(models.TextChoices):
    SIGNIFICANT = "significant", _("Statistically significant")
    NOT_SIGNIFICANT = "not_significant", _("Not significant")
    NOT_REPORTED = "not_reported", _("Not reported")


class Independence(models.TextChoices):
    INDEPENDENT = "independent", _("Independent of the programme's developer")
    DEVELOPER = "developer", _("Carried out or funded by the developer")
    UNKNOWN = "unknown", _("Not reported")


class Fidelity(models.TextChoices):
    HIGH = "high", _("High: delivered as designed")
    PARTIAL = "partial", _("Partial: some parts changed or left out")
    LOW = "low", _("Low: substantially changed")
    UNKNOWN = "unknown", _("Not assessed")


class RatingLevel(models.TextChoices):
    """Mirrors ``programmes.evidence.Level``; stored so the catalogue can filter and sort."""

    WELL_SUPPORTED = "well_supported", _("Well supported")
    SUPPORTED = "supported", _("Supported")
    PROMISING = "promising", _("Promising")
    NO_EFFECT = "no_effect", _("No effect")
    HARMFUL = "harmful", _("Harmful")
    INSUFFICIENT = "insufficient", _("Insufficient evidence")
