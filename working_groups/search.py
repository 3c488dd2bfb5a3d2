"""What working groups give to search. The group and its outputs are public; what is in its
private space is visible to its members only (``group_visibility``), and is written in whatever
language the members use, so it is indexed as the portal's default language."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from search import registry
from search.documents import (
    document,
    filename_words,
    is_searchable_page,
    page_fields,
    plain,
    stream_text,
)
from search.schema import group_visibility
from search.signals import sync_later, sync_pages_later

from .choices import Axis
from .models import DocumentVersion, GroupDocument, Meeting, OutputPage, Post, Thread, WorkingGroup
from .permissions import member_group_ids

GROUP_LANGUAGE = "en"


def _group_facets(group):
    covers = group.covers
    if covers is None:
        return {}
    return {"practice" if group.axis == Axis.PRACTICE else "target_group": [covers.slug]}


def _group_url(obj):
    with translation.override(GROUP_LANGUAGE):
        return obj.get_absolute_url()


def _private(obj, type, title, group, **fields):
    """A document of a group's private space: only its members may find it."""
    return document(
        obj.pk,
        type,
        title,
        GROUP_LANGUAGE,
        _group_url(obj),
        visibility=[group_visibility(group.pk)],
        **_group_facets(group),
        **fields,
    )


def working_group_document(group):
    return document(
        group.pk,
        "working_group",
        group.name,
        GROUP_LANGUAGE,
        _group_url(group),
        summary=group.description,
        body=plain(group.covers),
        date=group.created_at,
        **_group_facets(group),
    )


def output_document(page):
    if not is_searchable_page(page):
        return None
    return document(
        page.pk,
        "output",
        page.title,
        summary=page.summary,
        body=plain(" ".join([page.group.name, stream_text(page.body)])),
        **_group_facets(page.group),
        **page_fields(page),
    )


def thread_document(thread):
    """A discussion: its title and every post not removed (removed posts' words must go)."""
    texts = [plain(post.body_html) for post in thread.posts.all() if not post.is_removed]
    return _private(
        thread,
        "discussion",
        thread.title,
        thread.group,
        summary=texts[0][:300] if texts else "",
        body=" ".join(texts),
        date=thread.last_activity_at,
    )


def group_document_document(doc):
    latest = max(doc.versions.all(), key=lambda version: version.number, default=None)
    return _private(
        doc,
        "group_document",
        doc.title,
        doc.group,
        summary=doc.description[:300],
        body=plain(" ".join([doc.description, filename_words(latest.filename if latest else "")])),
        date=doc.updated_at,
    )


def meeting_document(meeting):
    agenda = plain(meeting.agenda_html)
    return _private(
        meeting,
        "meeting",
        meeting.title,
        meeting.group,
        summary=agenda[:300],
        body=" ".join([agenda, plain(meeting.minutes_html)]),
        date=meeting.starts_at,
    )


# What group content's documents read from the group, fetched once per batch in a rebuild.
GROUP_RELATED = ("group__practice", "group__target_group")

registry.register(
    WorkingGroup,
    "working_group",
    _("Working group"),
    working_group_document,
    related=("practice", "target_group"),
)
registry.register(
    OutputPage, "output", _("Working-group output"), output_document, related=GROUP_RELATED
)
registry.register(
    Thread, "discussion", _("Discussion"), thread_document, related=(*GROUP_RELATED, "posts")
)
registry.register(
    GroupDocument,
    "group_document",
    _("Group document"),
    group_document_document,
    related=(*GROUP_RELATED, "versions"),
)
registry.register(Meeting, "meeting", _("Meeting"), meeting_document, related=GROUP_RELATED)


@registry.register_visibility
def member_visibility(user):
    """Members find their own groups' private content."""
    return [group_visibility(pk) for pk in sorted(member_group_ids(user))]


# Deleting a group deletes its threads, documents and meetings one by one (each sends
# post_delete, which search connects for every registered model), so none of its private
# content outlives it in the index.


@receiver(post_save, sender=WorkingGroup)
def on_group_saved(sender, instance, created, **kwargs):
    """The group's name and what it covers are in its outputs' and its content's documents.
    (The group's own document is reindexed by search, as for every registered model.)"""
    if created:
        return
    for model in (Thread, GroupDocument, Meeting):
        sync_later(model, model.objects.filter(group=instance).values_list("pk", flat=True))
    sync_pages_later(OutputPage.objects.filter(group=instance).only("id", "content_type"))


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def on_post_changed(sender, instance, **kwargs):
    """A new, edited or removed post changes its thread's text."""
    sync_later(Thread, [instance.thread_id])


@receiver(post_save, sender=DocumentVersion)
@receiver(post_delete, sender=DocumentVersion)
def on_version_changed(sender, instance, **kwargs):
    sync_later(GroupDocument, [instance.document_id])
