"""What happened in a group (its activity feed), and who is to be e-mailed about it."""

from django.conf import settings
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import ActivityKind
from .groups import WorkingGroup

# Where the actor's name goes in a stored summary. The name is put in when the line is shown,
# from ``actor``: a member who renames themselves is shown by their new name, and once they
# delete their account (``actor`` becomes NULL) by "former member", in the feed and in any
# e-mail still owed, without rewriting a row.
ACTOR = "{actor}"


class Activity(models.Model):
    """One line of a group's feed. ``summary`` holds ``ACTOR`` instead of the actor's name;
    ``text`` is the line to show (select ``actor`` with it)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="activities")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    summary = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["group", "-created_at"], name="activity_feed")]

    def __str__(self):
        return self.text

    @property
    def text(self):
        """The line as members see it, naming the actor by ``public_name`` (never the e-mail
        address), or "former member" once the account is gone."""
        if ACTOR not in self.summary:
            return self.summary
        if self.actor is None:
            return capfirst(self.summary.replace(ACTOR, gettext("former member")))
        return self.summary.replace(ACTOR, str(self.actor.public_name))


class Notification(models.Model):
    """One e-mail owed to one member about one activity. Kept until it is sent, so a mail
    server that is down loses nothing: the next run of the digest command sends it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "activity"], name="one_notification_per_activity"
            )
        ]
        indexes = [
            models.Index(
                fields=["recipient"],
                condition=models.Q(sent_at__isnull=True),
                name="notification_unsent",
            )
        ]

    def __str__(self):
        return f"{self.activity} for {self.recipient_id}"
