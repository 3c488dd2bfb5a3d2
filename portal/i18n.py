"""Every language version of the site is whole.

A visitor reads the portal under a language prefix (``/pl/…``; English, the default, has
none). Pages are translated one by one, so many exist in fewer languages than the interface.
Three rules keep the language versions whole and honest:

1. Routing falls back. ``/pl/programmes/x/`` is served from the Polish tree when the page is
   translated, else from the default language's tree, else from whichever language the page
   was written in (``fallback_route``). The page says so in the visitor's language
   (``portal_tags.translation_notice``) and marks its own text with its own ``lang``.
2. Links keep the visitor's language. While a request runs under a language prefix, a link
   to a page of another language carries the visitor's prefix (``VisitorLanguageURLs``), so
   reading an English original does not switch the interface to English.
3. Alternates tell the truth. ``hreflang`` links and the sitemap name only real translations
   (``real_versions``); a page served in fallback names its original as canonical.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import get_language_from_path, get_language_info

from wagtail.models import Locale, Page, Site

from babel import Locale as BabelLocale
from babel import UnknownLocaleError

# The language of the prefix of the request being served, if it has one.
_prefix_language = ContextVar("prefix_language", default=None)


def default_language():
    return settings.LANGUAGE_CODE


def language_name(code):
    """A language's name in that language (the switcher and notices use it)."""
    return dict(settings.LANGUAGES).get(code, code)


def language_name_in(code, language):
    """The name of language ``code`` as written in ``language`` (from the Unicode CLDR, via
    Babel), for use inside a sentence; the English name where CLDR has none. Portuguese is
    Portugal's (CLDR's plain "pt" is Brazil's)."""
    try:
        name = BabelLocale.parse("pt_PT" if language == "pt" else language).languages.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    return name or get_language_info(code)["name"]


class PrefixLanguageMiddleware:
    """Remembers which language prefix the request came in under (after LocaleMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _prefix_language.set(get_language_from_path(request.path_info))
        try:
            return self.get_response(request)
        finally:
            _prefix_language.reset(token)


@contextmanager
def links_in(language):
    """Render under ``language`` with page links carrying its prefix, as a request under
    ``/<language>/`` would (for e-mails and other work outside a request)."""
    token = _prefix_language.set(language if language != default_language() else None)
    try:
        with translation.override(language):
            yield
    finally:
        _prefix_language.reset(token)


def link_language():
    """The language page links should carry now, or None to leave them as Wagtail makes them."""
    language = _prefix_language.get()
    return language if language and language != default_language() else None


def visitor_url(url):
    """A site path stored without the visitor in mind (a search hit's address) under the
    prefix the visitor reads in, so following it keeps their language."""
    language = link_language()
    parts = urlsplit(url or "")
    if language is None or parts.netloc or not parts.path.startswith("/"):
        return url
    path = parts.path
    stored = get_language_from_path(path)
    if stored:
        path = path[len(stored) + 1 :]
    return urlunsplit(parts._replace(path=f"/{language}{path}"))


def path_in(language, page_path):
    """``page_path`` (relative to the site root, "programmes/x/") under ``language``'s prefix."""
    with translation.override(language):
        return reverse("wagtail_serve", args=(page_path,))


class VisitorLanguageURLs:
    """A page mixin: under a language prefix, links to pages of other languages keep it."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        language = link_language()
        if language is None or parts is None or parts[2] is None:
            return parts
        site_id, root_url, _path = parts
        roots = self._get_relevant_site_root_paths(request)
        root_path, root_language = roots[0][1], roots[0][3]
        if root_language == language:
            return parts
        try:
            return site_id, root_url, path_in(language, self.url_path[len(root_path) :])
        except NoReverseMatch:
            return parts


def _roots_in_fallback_order(site):
    """The site's root page in each language, default language first, then by age."""
    roots = list(site.root_page.get_translations(inclusive=True).select_related("locale"))
    roots.sort(key=lambda root: (root.locale.language_code != default_language(), root.pk))
    return roots


def fallback_route(request, path):
    """Route ``path`` through the other languages' trees when the visitor's has no such page.

    Returns Wagtail's route result, or None. The result is cached on the request where
    Wagtail's own ``Page.route_for_request`` keeps it, so hooks and the user bar see it."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    active = translation.get_language()
    for root in _roots_in_fallback_order(site):
        if root.locale.language_code == active:
            continue
        try:
            result = root.specific.route(request, components)
        except Http404:
            continue
        request._wagtail_route_for_request = result
        return result
    return None


def best_version(page, language):
    """The version of ``page`` a visitor reading ``language`` should see: their language,
    else the default language, else the page itself."""
    versions = {
        version.locale.language_code: version
        for version in page.get_translations(inclusive=True).live().select_related("locale")
    }
    return versions.get(language) or versions.get(default_language()) or page


def real_versions(page):
    """``{language: page}`` of the live translations of ``page`` (itself included)."""
    if not isinstance(page, Page) or not page.pk:
        return {}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {version.locale.language_code: version for version in translations}


_LOCALE_CODES = {}


def page_language(page):
    """The language a page's own text is written in, without a query per page in a list:
    locales are few and never renumbered, so their codes are read once per process."""
    if "locale" in page._state.fields_cache:
        return page.locale.language_code
    if page.locale_id not in _LOCALE_CODES:
        _LOCALE_CODES.update(Locale.objects.values_list("id", "language_code"))
    return _LOCALE_CODES.get(page.locale_id) or page.locale.language_code
