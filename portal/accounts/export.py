"""Everything the portal holds about one member, as plain JSON-ready data.

A member may ask what we hold about them and take it with them (GDPR articles 15 and 20).
Each app declares what it holds (``portal.personal_data``); this module only puts the
sections under a header that says what the file is.
"""

from django.utils import timezone

from portal import personal_data

FORMAT = "european-prevention-network/account-data"
# 2: adds group_activity, outputs_published, adaptations, adaptation_announcements and
# submissions; the sections of version 1 are unchanged.
# 3: the profile adds preferred_language (the language the portal writes to the member in).
VERSION = 3


def export_user_data(user):
    """A dict of everything held about ``user``; dates are ISO 8601 strings."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": personal_data.when(timezone.now()),
    }
    return {**header, **personal_data.export(user)}
