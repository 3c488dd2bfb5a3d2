"""Demo campaigns and materials: real, public campaigns described in ``demo_campaigns.json``,
with self-made placeholder files, translations made with wagtail-localize and adaptations.

Idempotent like every demo loader: the index, campaigns and materials are found by slug under
their parent, translations by locale and placeholder files by title in their collection.
Whatever already exists is left exactly as editors may have changed it; only what is missing
is created. Everything created is marked as demo content.

The translations show every status a material can have. "Say No! advice" is translated into
German and French after its source was extracted, so both are *current*; the "Say No!" film
is translated into Dutch and its English source is then revised and republished without
re-extracting it, so the Dutch version is *out of date* (and stays so on later runs, which
never re-extract a source). No material has a Polish version: that one is *missing*.

The placeholder PDFs say what they are and where the real file is published: no real campaign
file is ever shipped or copied.
"""

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale
from wagtail_localize.models import Translation, TranslationSource

from portal.demo_files import minimal_pdf
from vocabularies.models import Country, Language, TargetGroup, Topic

from .models import CampaignIndexPage, CampaignPage, MaterialFile, MaterialPage, MaterialVideo

DATA_FILE = Path(__file__).with_name("demo_campaigns.json")
PDF_LINE_WIDTH = 80  # characters of 11 pt Helvetica that fit between the page margins


@dataclass
class DemoCampaignsReport:
    """What one run created."""

    pages: int = 0  # every page: index, campaigns, materials and translations
    campaigns: int = 0
    materials: int = 0
    translations: int = 0
    files: int = 0


def read_demo_campaigns(path=DATA_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


@transaction.atomic
def load_campaigns(home, data=None):
    """Create what is missing of the demo campaigns under the English ``home`` page."""
    data = data if data is not None else read_demo_campaigns()
    report = DemoCampaignsReport()
    index = _ensure_index(home, data["index"], report)
    collection = _ensure_collection(data["collection"])
    materials = {}
    for entry in data["campaigns"]:
        campaign = _ensure_campaign(index, entry, report)
        for material in entry["materials"]:
            key = f"{entry['slug']}/{material['slug']}"
            materials[key] = _ensure_material(campaign, material, materials, collection, report)
    return report


# Pages


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _publish_new(parent, page, report):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    report.pages += 1
    return page


def _paragraphs(text):
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def _country(code):
    return Country.objects.get(code=code) if code else None


def _language(code):
    return Language.objects.get(code=code) if code else None


def _terms(model, slugs):
    found = list(model.objects.filter(slug__in=slugs))
    missing = set(slugs) - {term.slug for term in found}
    if missing:
        raise ValueError(f"Unknown {model._meta.verbose_name} in demo data: {sorted(missing)}")
    return found


def _ensure_index(home, entry, report):
    index = CampaignIndexPage.objects.child_of(home).first()
    if index is None:
        index = CampaignIndexPage(
            title=entry["title"], slug=entry["slug"], intro=entry["intro"], show_in_menus=True
        )
        _publish_new(home, index, report)
    return index


def _ensure_campaign(index, entry, report):
    campaign = _child(index, CampaignPage, entry["slug"])
    if campaign is not None:
        return campaign
    campaign = CampaignPage(
        title=entry["title"],
        slug=entry["slug"],
        summary=entry["summary"],
        description=_paragraphs(entry.get("description", "")),
        owner_organisation=entry["owner_organisation"],
        country_of_origin=_country(entry.get("country_of_origin")),
        source_url=entry["source_url"],
        is_demo_content=True,
    )
    report.campaigns += 1
    return _publish_new(index, campaign, report)


def _ensure_material(campaign, entry, materials, collection, report):
    page = _child(campaign, MaterialPage, entry["slug"])
    created = page is None
    if created:
        page = _publish_new(campaign, _material_page(entry, materials, collection, report), report)
        report.materials += 1
    # Translated, then the source revised and republished without re-extracting it.
    stale = entry.get("translations_then_revised", {})
    translated = [_translate(page, code, fields, report) for code, fields in stale.items()]
    if created and any(translated) and entry.get("revision"):
        _revise(page, entry["revision"])
    for code, fields in entry.get("translations", {}).items():
        _translate(page, code, fields, report)
    return page


def _material_page(entry, materials, collection, report):
    adaptation = entry.get("adaptation") or {}
    page = MaterialPage(
        title=entry["title"],
        slug=entry["slug"],
        summary=entry["summary"],
        description=_paragraphs(entry.get("description", "")),
        kind=entry["kind"],
        age_min=entry.get("age_min"),
        age_max=entry.get("age_max"),
        licence=entry["licence"],
        reuse_conditions=entry.get("reuse_conditions", ""),
        owner_organisation=entry["owner_organisation"],
        country_of_origin=_country(entry.get("country_of_origin")),
        language_of_origin=_language(entry.get("language_of_origin")),
        source_url=entry["source_url"],
        adapted_from=materials.get(adaptation.get("adapted_from")),
        adapted_for=_country(adaptation.get("adapted_for")),
        language=_language(adaptation.get("language")),
        changed_helplines=adaptation.get("changed_helplines", ""),
        changed_legal_references=adaptation.get("changed_legal_references", ""),
        changed_imagery_culture=adaptation.get("changed_imagery_culture", ""),
        changed_other=adaptation.get("changed_other", ""),
        is_demo_content=True,
    )
    if adaptation and page.adapted_from is None:
        raise ValueError(f"Demo material {entry['slug']}: unknown {adaptation['adapted_from']}")
    page.audiences.set(_terms(TargetGroup, entry.get("audiences", [])))
    page.topics.set(_terms(Topic, entry.get("topics", [])))
    page.files = [
        MaterialFile(
            language=_language(code),
            document=_placeholder_document(entry, code, collection, report),
            label=f"Placeholder ({_language(code).name})",
        )
        for code in entry.get("files", [])
    ]
    page.videos = [
        MaterialVideo(title=video["title"], url=video["url"], language=_language(video["language"]))
        for video in entry.get("videos", [])
    ]
    return page


def _revise(page, fields):
    """Change the source the way an editor would, and publish it."""
    page = MaterialPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


# Translations, made with wagtail-localize so that its sync timestamps tell their status


def _translate(page, code, fields, report):
    """Translate ``page`` into ``code`` unless a version in that locale exists; return the
    new translation, or None."""
    locale, _ = Locale.objects.get_or_create(language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return None
    # An existing source is never re-extracted: that would mark stale translations current.
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    _import_strings(translation, fields)
    # wagtail-localize publishes on commit; publish now, so the translation is live within
    # this transaction too (the demo tests never commit).
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    report.pages += 1
    report.translations += 1
    return target


def _import_strings(translation, fields):
    """Give wagtail-localize the translated strings: one per field, rich text paragraph by
    paragraph. Anything not given falls back to the source text (slugs, names)."""
    po = translation.export_po()
    seen = {}
    for entry in po:
        value = fields.get(entry.msgctxt)
        if value is None:
            continue
        if entry.msgctxt == "description":
            parts = [escape(part.strip()) for part in value.split("\n\n") if part.strip()]
            number = seen[entry.msgctxt] = seen.get(entry.msgctxt, -1) + 1
            value = parts[number] if number < len(parts) else ""
        entry.msgstr = value
    translation.import_po(po, tool_name="demo loader")


# Placeholder files


def _ensure_collection(name):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    return collection or root.add_child(name=name)


def _placeholder_document(entry, code, collection, report):
    Document = get_document_model()
    language = _language(code)
    title = f"Placeholder: {entry['title']} ({language.name})"
    document = Document.objects.filter(collection=collection, title=title).first()
    if document is not None:
        return document
    content = minimal_pdf(placeholder_lines(entry, language))
    document = Document(
        title=title,
        collection=collection,
        file=ContentFile(content, name=f"placeholder-{entry['slug']}-{code}.pdf"),
    )
    document._set_document_file_metadata()
    document.save()
    report.files += 1
    return document


def placeholder_lines(entry, language):
    """What the placeholder says: that it is one, and where the real file is published."""
    label = entry.get("file_label") or f"'{entry['title']}'"
    sentence = (
        f"Placeholder for the demo: the real {label} ({language.name} version) is published "
        f"by {entry['owner_organisation']} at:"
    )
    return [
        "PLACEHOLDER - NOT THE REAL MATERIAL",
        "",
        *textwrap.wrap(sentence, PDF_LINE_WIDTH),
        *_wrap_url(entry["source_url"], PDF_LINE_WIDTH),
        "",
        *textwrap.wrap(
            "This file was generated by the demo loader of the European Prevention Network "
            "portal. It contains no part of the real material: download that from its owner.",
            PDF_LINE_WIDTH,
        ),
    ]


def _wrap_url(url, width):
    """Break a long address after slashes, so each line still reads as part of it."""
    lines, line = [], ""
    for piece in re.findall(r"[^/]*/|[^/]+$", url):
        if line and len(line) + len(piece) > width:
            lines.append(line)
            line = ""
        line += piece
    return [*lines, line]
