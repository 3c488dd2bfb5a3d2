"""Documents of the working groups. The group and its outputs are public; what is in its
private space is visible to its members only (``group_visibility``), and is written in whatever
language the members use, so it is indexed as the portal's default language."""

from django.utils import translation

from working_groups.choices import Axis

from ..schema import group_visibility
from .common import document, filename_words, is_searchable_page, page_fields, plain, stream_text

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
