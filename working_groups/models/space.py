"""The private space: discussions, documents with versions, and meetings.

Authors are kept with ``SET_NULL``: when someone deletes their account, what they wrote stays,
shown as by a former member, so no discussion loses its thread.
"""

import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..formatting import render_markdown
from ..storage import private_storage, version_upload_to
from .groups import WorkingGroup


def _time_zone_choices():
    zones = sorted(z for z in zoneinfo.available_timezones() if z.startswith(("Europe/", "UTC")))
    return [(zone, zone.replace("_", " ")) for zone in zones]


class Thread(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("discussion")
        ordering = ["-last_activity_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "working_groups:thread", kwargs={"slug": self.group.slug, "thread_id": self.pk}
        )


class Post(models.Model):
    """A thread's opening post or a reply. Written in Markdown; raw HTML is never kept."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("message"), max_length=20_000)
    body_html = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by_moderator = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("post")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"post {self.pk} in {self.thread_id}"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        if kwargs.get("update_fields") is not None and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    @property
    def is_removed(self):
        return self.removed_at is not None


class GroupDocument(models.Model):
    """A document in the group's restricted library. Its file is its latest version."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("document")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "working_groups:document", kwargs={"slug": self.group.slug, "document_id": self.pk}
        )

    def latest_version(self):
        return self.versions.order_by("-number").first()


class DocumentVersion(models.Model):
    """One uploaded file. Stored on the private storage, which has no public URL: the only
    way to read it is the permission-checking download view."""

    document = models.ForeignKey(GroupDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(storage=private_storage, upload_to=version_upload_to, max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document version")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.filename} (v{self.number})"

    def get_download_url(self):
        return reverse(
            "working_groups:download",
            kwargs={
                "slug": self.document.group.slug,
                "document_id": self.document_id,
                "number": self.number,
            },
        )


class Meeting(models.Model):
    """Stored in UTC; shown in the time zone it was planned in, which is kept with it."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=_time_zone_choices, default="Europe/Brussels"
    )
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=90)
    location = models.CharField(
        _("where"), max_length=300, blank=True, help_text=_("A room, or a video-call link.")
    )
    agenda = models.TextField(_("agenda"), max_length=20_000, blank=True)
    agenda_html = models.TextField(editable=False, default="")
    minutes = models.TextField(_("minutes"), max_length=50_000, blank=True)
    minutes_html = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.agenda_html = render_markdown(self.agenda)
        self.minutes_html = render_markdown(self.minutes)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "agenda_html", "minutes_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "working_groups:meeting", kwargs={"slug": self.group.slug, "meeting_id": self.pk}
        )

    @property
    def local_start(self):
        return self.starts_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))
