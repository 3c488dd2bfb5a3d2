"""How far each material is translated: computed from the page tree, never typed in.

A material's translations are pages sharing its translation key in other locales. A translation
is *out of date* when its source was published after the translation was last synchronised:
for translations made with wagtail-localize, when the source was last extracted
(``TranslationSource.last_updated_at``); for translations made by hand, when the translation
itself was last published. ``status()`` holds that rule; the rest reads the database in bulk.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .choices import TranslationStatus

SOURCE = "source"
SOURCE_LABEL = _("Source")


def status(exists: bool, source_changed_at: datetime | None, synced_at: datetime | None) -> str:
    """The status of one translation.

    ``exists``: a translation page is there; ``source_changed_at``: when the source was last
    published; ``synced_at``: when the translation last took the source's content in.
    """
    if not exists:
        return TranslationStatus.MISSING
    if source_changed_at is None:
        return TranslationStatus.CURRENT
    if synced_at is None or source_changed_at > synced_at:
        return TranslationStatus.OUT_OF_DATE
    return TranslationStatus.CURRENT


# Languages Django has no name for (it does not ship Maltese).
EXTRA_LANGUAGE_NAMES = {"mt": _("Maltese")}


def language_codes():
    """The content languages, in the order the settings list them (the default one first)."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def language_name(code):
    """A language's name in the reader's language ("Polish" for an English reader)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return EXTRA_LANGUAGE_NAMES.get(code, code)


@dataclass(frozen=True)
class LanguageStatus:
    """One material in one language."""

    code: str
    status: str  # SOURCE or a TranslationStatus value
    page: Page | None = None  # the version in this language, live or draft (not an alias)
    synced_at: datetime | None = None
    translation_source_id: int | None = None  # set when wagtail-localize keeps it in sync
    translation_id: int | None = None

    @property
    def is_source(self):
        return self.status == SOURCE

    @property
    def is_draft(self):
        """A translation has been started but not published: visitors cannot read it yet."""
        return self.page is not None and not self.page.live

    @property
    def label(self):
        return SOURCE_LABEL if self.is_source else TranslationStatus(self.status).label


def _language_status(code, source, page, sync):
    if page is not None and page.pk == source.pk:
        return LanguageStatus(code, SOURCE, page=source)
    synced_at = translation_source_id = translation_id = None
    if sync is not None:
        translation_source_id, translation_id, synced_at = sync
    elif page is not None:
        synced_at = page.last_published_at
    exists = page is not None and page.live
    return LanguageStatus(
        code,
        status(exists, source.last_published_at, synced_at),
        page=page,
        synced_at=synced_at,
        translation_source_id=translation_source_id,
        translation_id=translation_id,
    )


def coverage(sources, codes=None):
    """``{source.pk: {language code: LanguageStatus}}`` for many source pages at once.

    Four queries whatever the number of pages and languages.
    """
    sources = list(sources)
    codes = list(codes) if codes is not None else language_codes()
    if not sources:
        return {}
    locale_codes = dict(Locale.objects.values_list("id", "language_code"))
    keys = {source.translation_key for source in sources}
    versions = {
        (page.translation_key, locale_codes.get(page.locale_id)): page
        for page in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
    }
    syncs = _localize_syncs(keys, locale_codes)
    table = {}
    for source in sources:
        key, source_locale_id = source.translation_key, source.locale_id
        versions[key, locale_codes.get(source_locale_id)] = source
        table[source.pk] = {
            code: _language_status(
                code, source, versions.get((key, code)), syncs.get((key, source_locale_id, code))
            )
            for code in codes
        }
    return table


def _localize_syncs(keys, locale_codes):
    """The translations wagtail-localize keeps, as ``{(translation key, source locale id,
    target language code): (translation source id, translation id, last synchronised)}``."""
    extracted = {
        row["id"]: row
        for row in TranslationSource.objects.filter(object_id__in=keys).values(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    syncs = {}
    for translation in Translation.objects.filter(source_id__in=extracted, enabled=True).values(
        "id", "source_id", "target_locale_id"
    ):
        row = extracted[translation["source_id"]]
        target = locale_codes.get(translation["target_locale_id"])
        syncs[row["object_id"], row["locale_id"], target] = (
            row["id"],
            translation["id"],
            row["last_updated_at"],
        )
    return syncs


def source_of(page):
    """The original a page's translations are made from.

    The version wagtail-localize translates from, if it is used; otherwise the version in the
    default language; otherwise the oldest one.
    """
    group = Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
    localized_from = set(
        TranslationSource.objects.filter(
            object_id=page.translation_key, translations__enabled=True
        ).values_list("locale_id", flat=True)
    )
    default_locale_id = Locale.get_default().pk
    return min(
        group,
        key=lambda p: (p.locale_id not in localized_from, p.locale_id != default_locale_id, p.pk),
        default=page,
    )


def language_statuses(material, codes=None):
    """``{language code: LanguageStatus}`` for one material, seen from its source."""
    source = source_of(material)
    return coverage([source], codes)[source.pk]
