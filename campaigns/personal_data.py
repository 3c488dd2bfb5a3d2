"""What campaigns hold about a member, for the account export: the materials they adapted and
the adaptations they announced. Loaded by ``CampaignsConfig.ready()``.

Nothing is erased here when the account goes: an adaptation is the network's material once an
editor publishes it, and ``adapted_by`` and ``announced_by`` are ``SET_NULL``.
"""

from django.utils import timezone

from portal.moderation import moderation_status, requested_changes
from portal.personal_data import name_of, register, when

from .adaptations import CHANGE_NOTES, adaptations_by, description_as_text
from .models import AdaptationAnnouncement, MaterialPage


def _title(page):
    return page.draft_title if page is not None else None


@register("adaptations", models=[MaterialPage])
def adaptations(user):
    """The member's adaptations as "My adaptations" lists them, with what they wrote."""
    return [
        {
            "title": page.draft_title,
            "adapted_from": _title(page.adapted_from),
            "for_country": name_of(page.adapted_for),
            "language": name_of(page.language),
            "organisation": page.owner_organisation,
            "summary": page.summary,
            "description": description_as_text(page.description),
            **{name: getattr(page, name) for name in CHANGE_NOTES},
            "status": moderation_status(page).value,
            "changes_requested": requested_changes(page),
            "last_saved_at": when(page.latest_revision_created_at),
            "first_published_at": when(page.first_published_at),
            "url": page.full_url if page.live else None,
        }
        for page in adaptations_by(user)
    ]


@register("adaptation_announcements", models=[AdaptationAnnouncement])
def adaptation_announcements(user):
    """Every announcement the member made, still open or not. ``status`` is where the
    adaptation started from it is in its review (None until one is started)."""
    mine = AdaptationAnnouncement.objects.filter(announced_by=user)
    still_open = set(mine.active(timezone.localdate()).values_list("pk", flat=True))
    announcements = mine.select_related("material", "country", "language", "adaptation")
    return [
        {
            "material": _title(announcement.material),
            "language": name_of(announcement.language),
            "country": name_of(announcement.country),
            "organisation": announcement.organisation,
            "expected_by": when(announcement.target_date),
            "announced_at": when(announcement.created_at),
            "open": announcement.pk in still_open,
            "adaptation": _title(announcement.adaptation),
            "status": _status(announcement.adaptation),
        }
        for announcement in announcements.order_by("created_at", "pk")
    ]


def _status(page):
    return moderation_status(page).value if page is not None else None
