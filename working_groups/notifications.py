"""E-mailing members about their groups: at once for those who asked for it, in a daily
digest for everyone else, and for anything that could not be sent at once.

A notification is marked sent only once the mail server accepted the message; until then it
stays, so a mail server that is down delays e-mail but loses none. Whether someone still
wants it is decided when sending: people who left a group, or switched e-mail off, get nothing.
"""

from collections import defaultdict
from datetime import timedelta

from django.db.models import F, OuterRef, Q, Subquery
from django.dispatch import receiver
from django.utils import timezone

from portal import mail

from .activity import activity_recorded
from .choices import MembershipStatus, NotifyBy
from .models import Membership, Notification

# An immediate notification younger than this is left to the sender that runs after its
# activity commits; the digest picks it up only if that failed (or never ran).
IMMEDIATE_GRACE = timedelta(minutes=15)


def _with_preference(notifications):
    """Annotate each notification with its recipient's current preference for that group:
    None when they are no longer an active member (or their account is deactivated)."""
    membership = Membership.objects.filter(
        group=OuterRef("activity__group"),
        user=OuterRef("recipient"),
        status=MembershipStatus.ACTIVE,
        user__is_active=True,
    )
    return notifications.annotate(preference=Subquery(membership.values("notify")[:1]))


def _mark(notifications, accepted, now):
    pks = [notification.pk for notification in notifications]
    unsent = Notification.objects.filter(pk__in=pks, sent_at__isnull=True)
    if accepted:
        unsent.update(sent_at=now)
    else:
        unsent.update(attempts=F("attempts") + 1)


@receiver(activity_recorded, dispatch_uid="working-groups-notify-immediately")
def send_immediately(sender, activity, **kwargs):
    """One e-mail to each recipient who wants e-mail straight away."""
    pending = _with_preference(
        Notification.objects.filter(activity=activity, sent_at__isnull=True)
    ).filter(preference=NotifyBy.IMMEDIATE)
    for notification in pending.select_related("recipient", "activity__group", "activity__actor"):
        accepted = mail.send_templated(
            "working_groups/email/notification",
            _context(notification.recipient, notification.activity),
            [notification.recipient],
        )
        _mark([notification], accepted, timezone.now())


def _context(recipient, activity):
    return {
        "recipient": recipient,
        "activity": activity,
        "group": activity.group,
        "url": mail.localized(activity.url),
        "preferences_url": mail.link("working_groups:space", slug=activity.group.slug),
    }


def drop_unwanted():
    """Forget unsent notifications that nobody wants any more. Returns how many."""
    unwanted = _with_preference(Notification.objects.filter(sent_at__isnull=True)).filter(
        Q(preference__isnull=True) | Q(preference=NotifyBy.OFF)
    )
    deleted, _by_model = Notification.objects.filter(
        pk__in=list(unwanted.values_list("pk", flat=True))
    ).delete()
    return deleted


def _due(now):
    """Unsent notifications for the digest, by recipient."""
    due = (
        _with_preference(Notification.objects.filter(sent_at__isnull=True, created_at__lte=now))
        .filter(preference__in=[NotifyBy.DAILY, NotifyBy.IMMEDIATE])
        .select_related("recipient", "activity__group", "activity__actor")
        .order_by("recipient_id", "activity__group__name", "activity__created_at", "pk")
    )
    by_recipient = defaultdict(list)
    for notification in due:
        waiting_for_sender = (
            notification.preference == NotifyBy.IMMEDIATE
            and notification.attempts == 0
            and notification.created_at > now - IMMEDIATE_GRACE
        )
        if not waiting_for_sender:
            by_recipient[notification.recipient].append(notification)
    return by_recipient


def _by_group(notifications):
    """[{group, space_url, activities: [{activity, url}]}] in the order given."""
    groups = {}
    for notification in notifications:
        activity = notification.activity
        entry = groups.setdefault(
            activity.group_id,
            {
                "group": activity.group,
                "space_url": mail.link("working_groups:space", slug=activity.group.slug),
                "activities": [],
            },
        )
        entry["activities"].append({"activity": activity, "url": mail.localized(activity.url)})
    return list(groups.values())


def send_digests(now=None):
    """One e-mail per recipient listing everything still owed to them, grouped by group.
    Returns how many digests the mail server accepted. Meant to run daily (cron)."""
    now = now or timezone.now()
    drop_unwanted()
    sent = 0
    for recipient, notifications in _due(now).items():
        accepted = mail.send_templated(
            "working_groups/email/digest",
            {
                "recipient": recipient,
                "groups": _by_group(notifications),
                "count": len(notifications),
                "preferences_url": mail.link("working_groups:index"),
            },
            [recipient],
        )
        _mark(notifications, accepted, timezone.now())
        sent += accepted
    return sent
