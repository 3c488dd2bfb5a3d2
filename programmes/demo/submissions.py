"""Demo submissions waiting in the CMS, so that a moderator trying the demo has something to
review. Development only: they belong to the demo people, who exist only with DEBUG on.

The demo researcher has a draft evaluation (saved, never submitted) and an evaluation
submitted for moderation; the demo member has an implementation report submitted for
moderation. Submitting starts the page's workflow ("Moderators approval"), as the admin's
"Submit for moderation" does. None of them is live, so none is searchable.

Idempotent: a submission is found by slug under its programme, whatever has become of it
since (a moderator may have approved, rejected or edited it).
"""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Page

from ..models import ProgrammePage
from .loader import evaluation_page, report_page

DATA_FILE = Path(__file__).with_name("submissions.json")
DRAFT, SUBMITTED = "draft", "submitted"
BUILDERS = {"evaluation": evaluation_page, "report": report_page}


def read_submissions(path=DATA_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


@transaction.atomic
def load_submissions(index_page, submissions=None):
    """Create the missing demo submissions; returns how many were created.

    Submitting tells the moderators by e-mail, as a real submission does: in development the
    mail goes to the console (or EMAIL_URL), and the demo moderator is editor@example.org."""
    created = 0
    for data in submissions if submissions is not None else read_submissions():
        owner = get_user_model().objects.filter(email__iexact=data["owner"]).first()
        programme = ProgrammePage.objects.child_of(index_page).filter(slug=data["programme"])
        programme = programme.first()
        if owner is None or programme is None:
            continue
        if Page.objects.child_of(programme).filter(slug=data["page"]["slug"]).exists():
            continue
        page = _save_draft(programme, BUILDERS[data["kind"]](data["page"]), data, owner)
        if data["state"] == SUBMITTED:
            _submit_for_moderation(page, owner)
        created += 1
    return created


def _save_draft(programme, page, data, owner):
    """Save a page as its owner does in the admin: a draft with one revision, never live.
    Wagtail logs the creation in the page's history, in the owner's name."""
    page.slug = data["page"]["slug"]
    page.live = False
    page.owner = owner
    programme.add_child(instance=page)
    page.save_revision(user=owner, log_action=False)
    return page


def _submit_for_moderation(page, owner):
    workflow = page.get_workflow()
    if workflow is None:
        raise RuntimeError(f"No moderation workflow applies to “{page.title}”.")
    workflow.start(page, owner)
