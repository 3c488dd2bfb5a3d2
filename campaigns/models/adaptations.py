"""Announced adaptations: "we are adapting this into Polish for Poland", so nobody starts the
same work twice. An announcement lapses when nothing is published by its date plus 90 days."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

GRACE = timedelta(days=90)


class AnnouncementQuerySet(models.QuerySet):
    def active(self, today=None):
        """Still open: not yet published as an adaptation, and not past its date + 90 days."""
        today = today or timezone.localdate()
        return self.filter(target_date__gte=today - GRACE).exclude(adaptation__live=True)

    def expired(self, today=None):
        today = today or timezone.localdate()
        return self.filter(target_date__lt=today - GRACE).filter(
            Q(adaptation__isnull=True) | Q(adaptation__live=False)
        )


class AdaptationAnnouncement(models.Model):
    material = models.ForeignKey(
        "campaigns.MaterialPage", on_delete=models.CASCADE, related_name="announcements"
    )
    announced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.ForeignKey(
        "vocabularies.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("for")
    )
    language = models.ForeignKey(
        "vocabularies.Language", on_delete=models.PROTECT, related_name="+", verbose_name=_("into")
    )
    target_date = models.DateField(_("expected by"))
    adaptation = models.ForeignKey(
        "campaigns.MaterialPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announced_as",
        help_text=_("The adaptation, once it has been started."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = _("announced adaptation")
        ordering = ["target_date"]

    def __str__(self):
        return f"{self.material_id} → {self.language_id}/{self.country_id} by {self.target_date}"

    @property
    def expires_on(self):
        return self.target_date + GRACE
