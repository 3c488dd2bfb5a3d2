"""Working groups and who belongs to them. The groups' spaces and pages build on these."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Axis(models.TextChoices):
    PRACTICE = "practice", _("By practice")
    PROGRAMME = "programme", _("By programme (target group)")


class WorkingGroup(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    axis = models.CharField(_("organised"), max_length=20, choices=Axis.choices)
    description = models.TextField(_("purpose"), blank=True)

    class Meta:
        verbose_name = _("working group")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        COORDINATOR = "coordinator", _("Coordinator")

    class Status(models.TextChoices):
        PENDING = "pending", _("Asked to join")
        ACTIVE = "active", _("Member")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")
        ]

    def __str__(self):
        return f"{self.user_id} in {self.group_id} ({self.status})"
