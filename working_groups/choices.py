from django.db import models
from django.utils.translation import gettext_lazy as _


class Axis(models.TextChoices):
    PRACTICE = "practice", _("By practice")
    PROGRAMME = "programme", _("By programme (target group)")


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    COORDINATOR = "coordinator", _("Coordinator")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Asked to join")
    ACTIVE = "active", _("Member")
    DECLINED = "declined", _("Declined")


class NotifyBy(models.TextChoices):
    IMMEDIATE = "immediate", _("Straight away, one e-mail each")
    DAILY = "daily", _("One daily digest")
    OFF = "off", _("No e-mails")


class ActivityKind(models.TextChoices):
    THREAD = "thread", _("New discussion")
    REPLY = "reply", _("Reply")
    DOCUMENT = "document", _("New document")
    VERSION = "version", _("New version of a document")
    MEETING = "meeting", _("Meeting")
    JOINED = "joined", _("New member")
    OUTPUT = "output", _("Published output")


# What members are e-mailed about; joining and outputs show in the feed only.
NOTIFIED_KINDS = frozenset(
    {ActivityKind.THREAD, ActivityKind.REPLY, ActivityKind.DOCUMENT, ActivityKind.VERSION,
     ActivityKind.MEETING}
)  # fmt: skip


class OutputKind(models.TextChoices):
    GUIDELINE = "guideline", _("Guideline")
    REPORT = "report", _("Report")
