"""Groups along the network's two axes, and who belongs to them."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from ..choices import Axis, MembershipStatus, NotifyBy, Role

INVITATION_LIFETIME = timedelta(days=30)


class WorkingGroup(models.Model):
    """A working group covers one practice or one target group, never both."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    axis = models.CharField(_("organised"), max_length=20, choices=Axis.choices)
    practice = models.ForeignKey(
        "vocabularies.Practice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_groups",
        help_text=_("For a group organised by practice."),
    )
    target_group = models.ForeignKey(
        "vocabularies.TargetGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_groups",
        help_text=_("For a group organised by programme."),
    )
    description = models.TextField(_("purpose"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("axis"),
        FieldPanel("practice"),
        FieldPanel("target_group"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("working group")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(axis=Axis.PRACTICE, practice__isnull=False, target_group__isnull=True)
                    | Q(axis=Axis.PROGRAMME, target_group__isnull=False, practice__isnull=True)
                ),
                name="group_covers_one_practice_or_one_target_group",
                violation_error_message=_(
                    "A group by practice names a practice; a group by programme names a "
                    "target group."
                ),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("working_groups:group", kwargs={"slug": self.slug})

    def get_space_url(self):
        return reverse("working_groups:space", kwargs={"slug": self.slug})

    @property
    def covers(self):
        """The practice or target group this group is about."""
        return self.practice if self.axis == Axis.PRACTICE else self.target_group

    def active_memberships(self):
        return self.memberships.filter(status=MembershipStatus.ACTIVE, user__is_active=True)

    def coordinators(self):
        return self.active_memberships().filter(role=Role.COORDINATOR).select_related("user")


class Membership(models.Model):
    """One person's place in one group: a request to join, then (once approved) membership."""

    Role = Role
    Status = MembershipStatus
    NotifyBy = NotifyBy

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    motivation = models.TextField(
        _("why you would like to join"),
        max_length=1000,
        blank=True,
    )
    notify = models.CharField(
        _("e-mail me about new activity"),
        max_length=20,
        choices=NotifyBy.choices,
        default=NotifyBy.DAILY,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        ordering = ["group", "role", "user__last_name", "user__first_name"]  # coordinators first
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")
        ]
        indexes = [models.Index(fields=["user", "status"], name="membership_user_status")]

    def __str__(self):
        return f"{self.user_id} in {self.group_id} ({self.status})"

    @property
    def is_active(self):
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_coordinator(self):
        return self.is_active and self.role == Role.COORDINATOR


def new_invitation_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """A coordinator's invitation to an e-mail address. It becomes a membership when the
    person accepts it, or when that address is verified on a new account."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accepted_invitations",
    )

    class Meta:
        verbose_name = _("invitation")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "email"],
                condition=Q(accepted_at__isnull=True),
                name="one_open_invitation_per_address",
            )
        ]

    def __str__(self):
        return f"{self.email} to {self.group_id}"

    @property
    def is_expired(self):
        return timezone.now() - self.created_at > INVITATION_LIFETIME

    @property
    def is_open(self):
        return self.accepted_at is None and not self.is_expired
