"""Recording what happens in a group: one Activity for the feed, and one Notification for
each member who wants e-mail about it. Sending is ``notifications``' job, after commit.

A summary names its actor by ``ACTOR``, never by the name itself: the name is filled in when
the line is shown (``Activity.text``), so it follows the account, and is gone with it."""

from django.db import transaction
from django.dispatch import Signal

from .choices import NOTIFIED_KINDS, MembershipStatus, NotifyBy
from .models import Activity, Membership, Notification
from .models.activity import ACTOR

__all__ = ["ACTOR", "activity_recorded", "feed", "record"]

# Sent after the activity's transaction commits, with ``activity``.
activity_recorded = Signal()


def record(group, actor, kind, summary, url):
    """Store one feed line; ``summary`` holds ``ACTOR`` where the actor's name goes."""
    activity = Activity.objects.create(
        group=group, actor=actor, kind=kind, summary=summary[:300], url=url
    )
    if kind in NOTIFIED_KINDS:
        recipients = (
            Membership.objects.filter(
                group=group, status=MembershipStatus.ACTIVE, user__is_active=True
            )
            .exclude(notify=NotifyBy.OFF)
            .exclude(user=actor)
            .values_list("user_id", flat=True)
        )
        Notification.objects.bulk_create(
            Notification(recipient_id=user_id, activity=activity) for user_id in recipients
        )
    transaction.on_commit(
        lambda: activity_recorded.send(sender=Activity, activity=activity), robust=True
    )
    return activity


def feed(group, limit=30):
    return group.activities.select_related("actor")[:limit]
