"""Country and language names in the visitor's language, from the Unicode CLDR (via Babel).

Nobody types these: CLDR is maintained by the Unicode Consortium and covers every EU language,
Irish and Maltese included. English keeps the names stored in the vocabulary (editors own
those); a code CLDR does not know keeps its stored name in every language."""

from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language

from babel import Locale, UnknownLocaleError


def active_language():
    """The active language's code without a region (``pt`` for ``pt-br``), lower case."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()


# CLDR's plain "pt" is Brazilian Portuguese; the EU's official language is Portugal's.
CLDR_LOCALES = {"pt": "pt_PT"}


@lru_cache(maxsize=64)
def _locale(language):
    try:
        return Locale.parse(CLDR_LOCALES.get(language, language))
    except (UnknownLocaleError, ValueError):
        return None


def country_name(code, language=None):
    """The CLDR name of ISO 3166 ``code`` in ``language`` (default: the active one), or
    ``None`` where CLDR has none."""
    locale = _locale(language or active_language())
    return locale.territories.get(code.upper()) if locale else None


def language_name(code, language=None):
    """The CLDR name of ISO 639 ``code`` in ``language`` (default: the active one), or
    ``None``. Capitalised as in a list or a menu (CLDR's ``uiListOrMenu``): many languages
    write language names in lower case inside a sentence ("niemiecki", "allemand")."""
    locale = _locale(language or active_language())
    name = locale.languages.get(code.lower()) if locale else None
    return name[:1].upper() + name[1:] if name else None


def endonym(code):
    """A language's name in itself ("Deutsch", "Malti"), capitalised as in a menu."""
    return language_name(code, code)
