"""What the programme catalogue holds about a member, for the account export: their
evaluations, implementation reports and proposed programmes, found as "My submissions" finds
them. Loaded by ``ProgrammesConfig.ready()``.

Nothing is erased here when the account goes: a submission is a page whose ``owner`` becomes
NULL; a published one is the catalogue's.
"""

from portal.personal_data import name_of, register, when

from .models import EvaluationPage, ImplementationReportPage, ProgrammePage
from .submissions.services import (
    EVALUATION_FIELDS,
    PROGRAMME_FIELDS,
    REPORT_FIELDS,
    submissions_of,
)

# What the member filled in, by the kind of submission (``services.KINDS``' words).
CONTENT = {"evaluation": EVALUATION_FIELDS, "report": REPORT_FIELDS, "programme": PROGRAMME_FIELDS}


@register("submissions", models=[EvaluationPage, ImplementationReportPage, ProgrammePage])
def submissions(user):
    return [
        {
            "kind": kind,
            "title": entry.page.draft_title,
            "programme": entry.programme.draft_title if entry.programme else None,
            "status": entry.status.value,
            "changes_requested": entry.reason,
            "last_saved_at": when(entry.page.latest_revision_created_at),
            "first_published_at": when(entry.page.first_published_at),
            "url": entry.page.full_url if entry.page.live else None,
            "content": {name: _plain(getattr(entry.page, name)) for name in CONTENT[kind]},
        }
        for kind, entries in submissions_of(user).items()
        for entry in entries
    ]


def _plain(value):
    """A field's value as JSON: vocabulary terms by name, dates as ISO 8601."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "all"):  # a many-to-many relation
        return [name_of(term) for term in value.all()]
    if hasattr(value, "isoformat"):
        return when(value)
    return name_of(value)
