"""Template tags for campaign materials: which languages a material can be read in."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from wagtail.models import Page

from vocabularies.labels import names
from vocabularies.locale_names import endonym
from vocabularies.models import Language

from ..choices import TranslationStatus
from ..translation_status import language_name, language_statuses

register = template.Library()


def translation_notice_context(page, request, visitor_language=None):
    """What a material page shows about its languages.

    ``badges``: the live versions ("Available in"), each with its url and whether it may be out
    of date. ``notice``: about the visitor's language, or None when there is nothing to say.
    """
    if not isinstance(page, Page) or not page.pk:
        return {"badges": [], "notice": None}
    statuses = language_statuses(page)
    # An adaptation is written in its own language, whatever the locale it is filed under.
    adaptation = getattr(page, "is_adaptation", False)
    badges = {}
    for code, entry in statuses.items():
        if entry.page is None or not entry.page.live:
            continue
        if adaptation and entry.page.pk == page.pk:
            code = page.content_language_code
        badges[code] = {
            "url": entry.page.get_url(request),
            "is_source": entry.is_source,
            "out_of_date": entry.status == TranslationStatus.OUT_OF_DATE,
            "is_current_page": entry.page.pk == page.pk,
        }
    # The downloads below are in their own languages, whether or not a translation is.
    for code in _file_languages(page):
        badges.setdefault(code, {"url": f"#files-{code}", "is_download": True})
    for code, other in _adaptation_languages(page, statuses):
        badges.setdefault(code, {"url": other.get_url(request), "is_adaptation": True})
    badges = [_named(code, badge) for code, badge in badges.items()]
    source = next((entry.page for entry in statuses.values() if entry.is_source), None)
    notice = None
    if not adaptation:
        notice = _notice(page, request, statuses, source, visitor_language or get_language())
    return {"badges": badges, "notice": notice}


def _file_languages(page):
    files = getattr(page, "files", None)
    if files is None:
        return []
    return [code.lower() for code in files.values_list("language__code", flat=True).distinct()]


def _adaptation_languages(page, statuses):
    """``(language code, adaptation)`` for the live adaptations of any version of ``page``."""
    versions = [entry.page.pk for entry in statuses.values() if entry.page is not None]
    adaptations = (
        type(page)
        .objects.live()
        .filter(adapted_from__in=versions)
        .select_related("language", "locale")
        .order_by("pk")
    )
    return [(adaptation.content_language_code, adaptation) for adaptation in adaptations]


def _named(code, badge):
    """A badge named in the visitor's language, with the language's own name beside it when
    that differs (shown lang-tagged, as a secondary name)."""
    name = names(Language).get(code) or language_name(code)
    own = endonym(code)
    return {
        "code": code,
        "name": name,
        "endonym": own if own and own != name else "",
        "is_source": False,
        "out_of_date": False,
        "is_current_page": False,
        "is_download": False,
        "is_adaptation": False,
    } | badge


def _notice(page, request, statuses, source, visitor_language):
    entry = statuses.get(visitor_language)
    if entry is None or source is None or entry.is_source:
        return None
    notice = {
        "language": language_name(visitor_language),
        "source_language": language_name(source.locale.language_code),
        "source_url": source.get_url(request) if source.live else "",
    }
    if entry.status == TranslationStatus.MISSING:
        adapt_url = reverse("campaigns:adapt", args=[source.pk])
        return notice | {"kind": "missing", "adapt_url": adapt_url}
    shown_elsewhere = entry.page.pk != page.pk
    notice["version_url"] = entry.page.get_url(request) if shown_elsewhere else ""
    if entry.status == TranslationStatus.OUT_OF_DATE:
        return notice | {"kind": "out_of_date"}
    if shown_elsewhere:
        return notice | {"kind": "available"}
    return None


@register.simple_tag(takes_context=True)
def translation_notice(context, page):
    """``{% translation_notice page as notice %}``: see ``translation_notice_context``."""
    return translation_notice_context(page, context.get("request"))
