"""Adapting a material: national versions, announcements of work under way, and lineage.

A member starts an adaptation from a live material: a linked copy (its files, topics and
audiences) under the same campaign, recording where it came from, for which country and in which
language, and what was changed. It is never published by the member: it is submitted to the
CMS's moderation workflow and an editor publishes it. An announcement ("we are adapting this
into Polish for Poland") tells others the work is under way; it closes when the adaptation linked
to it is published, or lapses 90 days after its date.
"""

import html
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, WorkflowState

from portal.pagetree import unique_child_slug

from .models import AdaptationAnnouncement, MaterialFile, MaterialPage

COLLECTION_NAME = "Material adaptations"
CHANGE_NOTES = (
    "changed_helplines",
    "changed_legal_references",
    "changed_imagery_culture",
    "changed_other",
)


# Descriptions: rich text in the CMS, plain paragraphs in the member's form


def description_as_text(rich_text):
    """A rich-text description as plain paragraphs, to prefill a textarea."""
    if not rich_text:
        return ""
    text = re.sub(r"<br\s*/?>", "\n", rich_text, flags=re.I)
    text = re.sub(r"</(?:p|h[1-6]|blockquote|ul|ol)>", "\n\n", text, flags=re.I)
    text = re.sub(r"</li>", "\n", text, flags=re.I)
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def text_as_description(text):
    """Plain paragraphs (separated by blank lines) as escaped rich-text HTML."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]
    return "".join(
        "<p>{}</p>".format("<br/>".join(escape(line) for line in part.splitlines()))
        for part in paragraphs
    )


def _description(source, text):
    """Keep the source's formatting when the member left its description as it was."""
    if text.strip() == description_as_text(source.description):
        return source.description
    return text_as_description(text)


# Starting an adaptation


def adaptations_collection():
    """The public collection that holds files uploaded with adaptations."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _document(upload, title, user, collection):
    document = get_document_model()(
        title=title, file=upload, collection=collection, uploaded_by_user=user
    )
    document._set_document_file_metadata()
    document.save()
    return document


def _add_files(page, uploads, language, user):
    if not uploads:
        return
    collection = adaptations_collection()
    for upload in uploads:
        title = f"{page.title} ({language.name}): {upload.name}"[:255]
        document = _document(upload, title, user, collection)
        page.files.add(MaterialFile(language=language, document=document))
    page.save()


@transaction.atomic
def start_adaptation(source, user, cleaned):
    """Create the adaptation as a draft copy of ``source``, submitted for an editor's review.

    ``cleaned`` is ``AdaptationForm.cleaned_data``; the country is the member's own."""
    country, language = user.country, cleaned["language"]
    campaign = source.get_parent()
    title = cleaned["title"]
    attrs = {
        "title": title,
        "draft_title": title,
        "slug": unique_child_slug(campaign, f"{title} {country.code}", "adaptation"),
        "seo_title": "",
        "search_description": "",
        "summary": cleaned["summary"],
        "description": _description(source, cleaned.get("description", "")),
        "owner_organisation": cleaned["owner_organisation"],
        "country_of_origin": country,
        "language_of_origin": language,
        "source_url": "",
        "adapted_from": source,
        "adapted_for": country,
        "language": language,
        "adapted_by": user,
        "is_demo_content": False,
        **{name: cleaned.get(name, "") for name in CHANGE_NOTES},
    }
    page = source.copy(
        to=campaign,
        update_attrs=attrs,
        copy_revisions=False,
        keep_live=False,
        user=user,
        reset_translation_key=True,
    ).specific
    _add_files(page, cleaned.get("files"), language, user)
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    AdaptationAnnouncement.objects.active().filter(
        material=source, announced_by=user, language=language, country=country
    ).filter(adaptation__isnull=True).update(adaptation=page)
    return page


# Announcing an adaptation


def duplicate_message(existing, user):
    values = {
        "language": existing.language.label,
        "country": existing.country.label,
        "announced": formats.date_format(timezone.localdate(existing.created_at), "DATE_FORMAT"),
        "date": formats.date_format(existing.target_date, "DATE_FORMAT"),
    }
    if existing.announced_by_id == user.pk:
        return (
            gettext(
                "You announced an adaptation into %(language)s for %(country)s on %(announced)s, "
                "expected by %(date)s."
            )
            % values
        )
    who = existing.organisation or (
        existing.announced_by.public_name if existing.announced_by else gettext("another member")
    )
    return gettext(
        "%(who)s announced an adaptation into %(language)s for %(country)s on %(announced)s, "
        "expected by %(date)s. Contact them instead of starting the same work twice."
    ) % {**values, "who": who}


@transaction.atomic
def announce(source, user, country, language, target_date, organisation, today=None):
    """Record that ``user`` is adapting ``source``; refuses a past date or a duplicate."""
    today = today or timezone.localdate()
    if target_date < today:
        raise ValidationError(gettext("The date is in the past."), code="past")
    # Serialise announcements for one material, so two people cannot both pass the check.
    list(Page.objects.select_for_update().filter(pk=source.pk).values_list("pk", flat=True))
    existing = (
        AdaptationAnnouncement.objects.active(today)
        .filter(material=source, language=language, country=country)
        .select_related("announced_by", "language", "country")
        .first()
    )
    if existing is not None:
        raise ValidationError(duplicate_message(existing, user), code="duplicate")
    return AdaptationAnnouncement.objects.create(
        material=source,
        announced_by=user,
        organisation=organisation,
        country=country,
        language=language,
        target_date=target_date,
    )


def active_announcements(material, today=None):
    return (
        AdaptationAnnouncement.objects.active(today)
        .filter(material=material)
        .select_related("language", "country")
    )


# A member's own adaptations


def adaptations_by(user):
    """The member's adaptations, newest first, with what their status needs in two queries."""
    states = WorkflowState.objects.active().select_related("current_task_state")
    return (
        MaterialPage.objects.filter(adapted_by=user)
        .select_related("adapted_from", "adapted_for", "language")
        .prefetch_related(
            Prefetch(
                "_specific_workflow_states", queryset=states, to_attr="_current_workflow_states"
            )
        )
        .order_by("-latest_revision_created_at", "-pk")
    )


# Lineage: the family tree of a material, from the root original down


@dataclass
class LineageNode:
    material: MaterialPage
    is_current: bool = False
    children: list = field(default_factory=list)

    @property
    def country(self):
        return self.material.adapted_for or self.material.country_of_origin

    @property
    def language_name(self):
        material = self.material
        language = material.language or material.language_of_origin
        return language.label if language else material.locale.get_display_name()


FAMILY_SQL = """
WITH RECURSIVE
ancestors(id, parent_id) AS (
    SELECT {pk}, {fk} FROM {table} WHERE {pk} = %s
    UNION
    SELECT m.{pk}, m.{fk} FROM {table} m JOIN ancestors a ON m.{pk} = a.parent_id
),
family(id) AS (
    SELECT id FROM ancestors WHERE parent_id IS NULL
    UNION
    SELECT m.{pk} FROM {table} m JOIN family f ON m.{fk} = f.id
)
SELECT id FROM family UNION SELECT id FROM ancestors
"""


def family_ids(material):
    """Every material in ``material``'s family (up to its root original and down from there),
    in one query. ``UNION`` stops at a cycle an editor may have made in the CMS."""
    meta = MaterialPage._meta
    sql = FAMILY_SQL.format(
        table=connection.ops.quote_name(meta.db_table),
        pk=connection.ops.quote_name(meta.pk.column),
        fk=connection.ops.quote_name(meta.get_field("adapted_from").column),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [material.pk])
        return [row[0] for row in cursor.fetchall()]


def lineage(material, public=True):
    """The family tree around ``material`` as nested ``LineageNode``s, in three queries.

    Publicly (``public=True``) only live, unrestricted materials appear: the tree starts at the
    highest visible ancestor reached through visible materials, and never shows a draft."""
    ids = family_ids(material)
    pages = MaterialPage.objects.filter(pk__in=ids)
    if public:
        pages = pages.live().public()
    pages = pages.select_related(
        "adapted_for", "country_of_origin", "language", "language_of_origin", "locale"
    ).order_by("first_published_at", "pk")
    nodes = {page.pk: LineageNode(page, is_current=page.pk == material.pk) for page in pages}
    if material.pk not in nodes:
        return None
    for node in nodes.values():
        parent = nodes.get(node.material.adapted_from_id)
        if parent is not None and parent is not node:
            parent.children.append(node)
    return _root(nodes, material.pk)


def _root(nodes, current_pk):
    """The topmost node above the current one; a cycle ends at the current node."""
    root, seen = nodes[current_pk], {current_pk}
    while (parent_id := root.material.adapted_from_id) in nodes and parent_id not in seen:
        seen.add(parent_id)
        root = nodes[parent_id]
    above = nodes.get(root.material.adapted_from_id)
    if above is not None and root in above.children:  # in a cycle: keep the tree finite
        above.children.remove(root)
    return root


def family_size(root):
    """How many materials a lineage tree shows."""
    return 1 + sum(family_size(child) for child in root.children)
