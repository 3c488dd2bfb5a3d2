"""Stored results of the evidence rubric. Written only by ``programmes.ratings``; never edited.

Kept outside the page model so that publishing an old page revision cannot bring back a
stale rating, and so the catalogue can filter and sort by rating in SQL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import RatingLevel


class ProgrammeRating(models.Model):
    programme = models.OneToOneField(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="rating"
    )
    level = models.CharField(_("rating"), max_length=20, choices=RatingLevel.choices)
    rank = models.SmallIntegerField(_("strength"), help_text=_("Higher is stronger evidence."))
    explanation = models.TextField(_("why"))
    has_harm = models.BooleanField(_("harm found"), default=False)
    has_harm_signal = models.BooleanField(_("possible harm reported"), default=False)
    rubric_version = models.CharField(_("rubric version"), max_length=20)
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("programme rating")
        indexes = [models.Index(fields=["level"]), models.Index(fields=["rank"])]

    def __str__(self):
        return f"{self.programme_id}: {self.level}"


class OutcomeRating(models.Model):
    programme_rating = models.ForeignKey(
        ProgrammeRating, on_delete=models.CASCADE, related_name="outcomes"
    )
    outcome = models.ForeignKey("programmes.Outcome", on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("rating"), max_length=20, choices=RatingLevel.choices)
    rank = models.SmallIntegerField(_("strength"))
    explanation = models.TextField(_("why"))
    reasons = models.JSONField(_("reasons"), default=list)
    harm_signal = models.BooleanField(_("possible harm reported"), default=False)

    class Meta:
        ordering = ["-rank", "outcome__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme_rating", "outcome"], name="one_rating_per_outcome"
            )
        ]

    def __str__(self):
        return f"{self.outcome_id}: {self.level}"
