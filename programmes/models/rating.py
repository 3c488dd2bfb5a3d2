"""Stored results of the evidence rubric. Written only by ``programmes.ratings``; never edited.

Kept outside the page model so that publishing an old page revision cannot bring back a
stale rating, and so the catalogue can filter and sort by rating in SQL.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vocabularies import labels
from vocabularies.models import Outcome

from ..choices import RatingLevel


class ProgrammeRating(models.Model):
    programme = models.OneToOneField(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="rating"
    )
    level = models.CharField(_("rating"), max_length=20, choices=RatingLevel.choices)
    rank = models.SmallIntegerField(_("strength"), help_text=_("Higher is stronger evidence."))
    # The rubric's sentences, as data (``programmes.evidence.Sentence``); worded when shown by
    # ``programmes.explanations``, in the reader's language.
    explanation = models.JSONField(_("why"), default=list)
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
    outcome = models.ForeignKey("vocabularies.Outcome", on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("rating"), max_length=20, choices=RatingLevel.choices)
    rank = models.SmallIntegerField(_("strength"))
    explanation = models.JSONField(_("why"), default=list)
    reasons = models.JSONField(_("reasons"), default=list)  # sentence records, as above
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


class RatingChange(models.Model):
    """One change of a programme's computed rating, kept for good: when, what changed and why.

    Written only by ``programmes.ratings.refresh_rating``, and only when the headline or an
    outcome's level actually changed. Keyed by the programme's translation key, because every
    language version of a programme shares one rating and so one history.
    """

    translation_key = models.UUIDField(_("programme"), db_index=True)
    changed_at = models.DateTimeField(_("date"), default=timezone.now)
    old_level = models.CharField(
        _("previous rating"), max_length=20, choices=RatingLevel.choices, blank=True
    )
    new_level = models.CharField(_("new rating"), max_length=20, choices=RatingLevel.choices)
    # [{"outcome": slug, "old": level or None, "new": level or None}]
    outcomes = models.JSONField(_("changes per outcome"), default=list)
    # Why, as data worded when shown (``programmes.explanations.change_reason``):
    # {"code": "evaluation", "event", "evaluation": {"key", "title"}, "design", "findings"}
    # or {"code": "recomputed"}.
    reason = models.JSONField(_("reason"), default=dict)
    # The English sentence that changes recorded before reasons were structured still show.
    legacy_reason = models.TextField(_("reason (before structured reasons)"), blank=True)
    evaluation = models.ForeignKey(
        "programmes.EvaluationPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evaluation"),
    )
    rubric_version = models.CharField(_("rubric version"), max_length=20)

    class Meta:
        verbose_name = _("rating change")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.translation_key}: {self.old_level or '-'} -> {self.new_level}"

    @property
    def old_label(self):
        return RatingLevel(self.old_level).label if self.old_level else None

    @property
    def new_label(self):
        return RatingLevel(self.new_level).label

    @property
    def level_changed(self):
        """Whether the headline rating changed; when it did not, an outcome's level did (the
        history shows which, and why) and the headline reads as unchanged, not 'A → A'."""
        return self.old_level != self.new_level

    def outcome_changes(self):
        """Per-outcome changes with readable names and labels, for templates and the API (older
        records also kept the outcome's name then)."""
        label = lambda level: RatingLevel(level).label if level else None  # noqa: E731
        names = labels.names(Outcome)
        return [
            {
                **change,
                "name": names.get(change["outcome"]) or change.get("name") or change["outcome"],
                "old_label": label(change.get("old")),
                "new_label": label(change.get("new")),
            }
            for change in self.outcomes
        ]
