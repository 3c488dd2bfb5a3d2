"""The personal-data registry: every model that points at a member is in the export or is
listed here with the reason it is not, and the account's export and deletion know the apps
only through the registry."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model

import pytest

from portal import personal_data

ROOT = Path(settings.BASE_DIR)
DOMAIN_APPS = ("programmes", "campaigns", "working_groups", "search", "vocabularies")
PROJECT_APPS = ("portal", *DOMAIN_APPS)
# The kernel of the seam: it may import no domain app.
KERNEL = ("portal/personal_data.py", "portal/accounts/export.py", "portal/accounts/deletion.py",
          "portal/accounts/personal_data.py")  # fmt: skip

EDITORIAL_HISTORY = "Wagtail's editorial history, kept for audit"
CMS_WORK = "editors' work in the CMS, which members do not use"
EDITORS_PAGE = "a page only CMS editors create; its owner is editorial history"

# Models that point at a member and that no section exports, each with why.
NOT_EXPORTED = {
    # Pages a member owns (submissions, adaptations, outputs) are exported by their apps, which
    # find them by Page.owner; the page types members never own are listed below.
    "wagtailcore.Page": "the owner and lock of every page; see the page types themselves",
    "wagtailcore.Revision": f"{EDITORIAL_HISTORY}; a member's pages are exported as they stand",
    "wagtailcore.PageLogEntry": EDITORIAL_HISTORY,
    "wagtailcore.ModelLogEntry": EDITORIAL_HISTORY,
    "wagtailcore.WorkflowState": f"{EDITORIAL_HISTORY}; each submission and adaptation is "
    "exported with its status",
    "wagtailcore.TaskState": f"{EDITORIAL_HISTORY}: the moderators' decisions",
    "wagtailcore.Comment": CMS_WORK,
    "wagtailcore.CommentReply": CMS_WORK,
    "wagtailcore.PageSubscription": CMS_WORK,
    "wagtailcore.UploadedFile": f"{CMS_WORK} (a file while it is being uploaded)",
    "wagtailcore.APIToken": CMS_WORK,
    "wagtailadmin.EditingSession": CMS_WORK,
    "wagtailadmin.FormState": CMS_WORK,
    "wagtailusers.UserProfile": f"{CMS_WORK} (interface language, avatar)",
    "wagtailimages.Image": CMS_WORK,
    "wagtail_localize.StringTranslation": CMS_WORK,
    "wagtail_localize.SegmentOverride": CMS_WORK,
    "wagtaildocs.Document": "files attached to adaptations and outputs: public documents of "
    "the material or output, which is exported",
    "portal.HomePage": EDITORS_PAGE,
    "portal.StandardPage": EDITORS_PAGE,
    "programmes.ProgrammeIndexPage": EDITORS_PAGE,
    "campaigns.CampaignIndexPage": EDITORS_PAGE,
    "campaigns.CampaignPage": EDITORS_PAGE,
    "working_groups.OutputIndexPage": EDITORS_PAGE,
}


def points_at_a_member(model):
    """A foreign key, one-to-one or many-to-many from ``model`` (or a parent) to a member."""
    user = get_user_model()
    return any(
        field.related_model is user and not field.auto_created  # not a reverse relation
        for field in model._meta.get_fields()
    )


def unexported(covered, explained):
    """Labels of the models that point at a member, covered by no section, explained nowhere."""
    return sorted(
        model._meta.label
        for model in apps.get_models()
        if points_at_a_member(model) and model not in covered and model._meta.label not in explained
    )


def test_every_model_that_points_at_a_member_is_exported_or_explained():
    assert unexported(personal_data.covered_models(), NOT_EXPORTED) == []


def test_the_walk_names_a_model_left_out():
    post = apps.get_model("working_groups.Post")
    covered = personal_data.covered_models() - {post}
    assert unexported(covered, NOT_EXPORTED) == ["working_groups.Post"]


def test_the_project_apps_and_allauth_are_in_the_walk():
    """Their models are exported, not explained away."""
    walked = {model._meta.app_label for model in personal_data.covered_models()}
    assert {"portal", "programmes", "campaigns", "working_groups", "account", "mfa"} <= walked
    project_exceptions = [label for label in NOT_EXPORTED if label.startswith(PROJECT_APPS)]
    assert all(NOT_EXPORTED[label] == EDITORS_PAGE for label in project_exceptions)


def test_the_list_of_exceptions_stays_true():
    """No stale entry: each one is a model that points at a member and that is not exported."""
    for label in NOT_EXPORTED:
        model = apps.get_model(label)
        assert points_at_a_member(model), label
        assert model not in personal_data.covered_models(), label


def test_a_section_name_is_registered_once():
    with pytest.raises(ValueError, match="'posts' is registered twice"):
        personal_data.register("posts", models=[])(lambda user: [])
    assert [section.name for section in personal_data.sections()].count("posts") == 1


def imported_modules(path):
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


@pytest.mark.parametrize("path", KERNEL)
def test_the_account_export_and_deletion_import_no_domain_app(path):
    domain = [name for name in imported_modules(path) if name.split(".")[0] in DOMAIN_APPS]
    assert domain == []
