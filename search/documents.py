"""What every search document is made of: the complete document dict, the searchable text of
rich text and StreamFields, and the rule for which pages may be found at all.

The apps' own ``search.py`` modules build their documents with these pure helpers: each
function there takes one object and returns a document dict, or ``None`` when the object must
not be found (a draft, a page behind a view restriction, a page outside the portal's site)."""

import re
from html import unescape

from django.utils.html import strip_tags

from wagtail.models import Page

from .facets import all_facets
from .schema import PUBLIC


def plain(html_or_text):
    return " ".join(unescape(strip_tags(str(html_or_text or ""))).split())


def stream_text(stream_value):
    """The searchable words of a StreamField, as Wagtail's own search would read them."""
    pieces = []
    for block in stream_value or []:
        pieces.extend(block.block.get_searchable_content(block.value))
    return plain(" ".join(str(piece) for piece in pieces))


def filename_words(filename):
    """ "referral-flowchart_v2.pdf" → "referral flowchart v2 pdf": PostgreSQL's parser keeps a
    file name as one token, so its words would otherwise not be found."""
    return " ".join(re.split(r"[\W_]+", filename)).strip()


def slugs(manager):
    return sorted(term.slug for term in manager.all())


def document(key, type, title, language, url, **fields):
    """A complete ContentDocument dict: every field present, facets as sorted lists."""
    doc = {
        "key": f"{type}:{key}",
        "title": title,
        "summary": "",
        "body": "",
        "url": url,
        "date": None,
        "rating_rank": -1,
        "visibility": [PUBLIC],
        **{facet.name: [] if facet.multi else None for facet in all_facets()},
        "type": type,
        "language": language,
        "available_in": [language],
        "family": f"{type}:{key}",
    }
    doc.update(fields)
    if doc["date"] is not None:
        doc["date"] = doc["date"].isoformat()
    if doc["year"] is not None:
        doc["year"] = str(doc["year"])
    for facet in all_facets():
        if facet.multi:
            doc[facet.name] = sorted(set(doc[facet.name]))
    return doc


def is_searchable_page(page):
    """Live, public pages of the portal's own site. Drafts and restricted pages never are."""
    if not page.live or page.get_view_restrictions().exists():
        return False
    site = page.get_site()
    return site is not None and site.is_default_site


def page_fields(page, language=None, available_in=None):
    """A page's language (its locale's unless given), URL, date, languages (its live
    translations' unless given) and translation family."""
    return {
        "language": language or page.locale.language_code,
        "family": f"page:{page.translation_key}",
        "url": page.get_url() or "",
        "date": page.last_published_at or page.first_published_at,
        "available_in": translation_languages(page) if available_in is None else available_in,
    }


def translation_languages(page):
    return list(
        Page.objects.filter(translation_key=page.translation_key, live=True).values_list(
            "locale__language_code", flat=True
        )
    )
