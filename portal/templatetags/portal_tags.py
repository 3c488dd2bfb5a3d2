"""Site-shell template tags: navigation, the language switcher, alternates and notices."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from .. import i18n

register = template.Library()


def _menu_pages(request):
    """The menu in the visitor's language: the default language's menu pages, each replaced by
    its translation where there is one, then menu pages only the visitor's language has."""
    site = Site.find_for_request(request)
    if site is None:
        return None, []
    default_root = site.root_page
    default_items = list(default_root.get_children().live().in_menu().specific(defer=True))
    active = Locale.get_active()
    local_root = None
    if active.id != default_root.locale_id:
        local_root = default_root.get_translation_or_none(active)
    if local_root is None:
        return default_root, default_items
    local_items = list(local_root.get_children().live().in_menu().specific(defer=True))
    translated = {item.translation_key: item for item in local_items}
    items = [translated.pop(item.translation_key, item) for item in default_items]
    return local_root, items + list(translated.values())


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root, items = _menu_pages(request)
    current = context.get("page")
    return {
        "root": root,
        "items": items,
        # The menu item the current page is under, in whichever language either is.
        "current_keys": set(
            current.get_ancestors(inclusive=True).values_list("translation_key", flat=True)
        )
        if isinstance(current, Page) and current.depth > 2
        else set(),
        "request": request,
    }


@register.inclusion_tag("portal/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Every language of the interface, each link keeping the visitor on the same content:
    the page's translation where it has one, else the same address under that language's
    prefix (where the page is served in its original language, with a notice)."""
    page = context.get("page")
    request = context.get("request")
    current = get_language()
    versions = i18n.real_versions(page)
    here = request.get_full_path() if request else "/"
    links = []
    for code, name in settings.LANGUAGES:
        if code in versions:
            with i18n.links_in(code):
                url = versions[code].get_url(request)
        else:
            url = translate_url(here, code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "translated": code in versions or not versions,
                "current": code == current,
            }
        )
    return {"links": links, "current": current}


@register.inclusion_tag("portal/includes/alternates.html", takes_context=True)
def alternate_links(context):
    """``hreflang`` alternates naming only real translations of a page, and a canonical link:
    a page served in another language's version of the site names its own address."""
    page = context.get("page")
    request = context.get("request")
    versions = i18n.real_versions(page)
    alternates = []
    for code, version in versions.items():
        with i18n.links_in(code):
            alternates.append({"code": code, "url": version.get_full_url(request)})
    canonical = None
    if versions:
        with i18n.links_in(i18n.page_language(page)):
            canonical = page.get_full_url(request)
        default = versions.get(settings.LANGUAGE_CODE)
        if default is not None:
            with i18n.links_in(settings.LANGUAGE_CODE):
                alternates.append({"code": "x-default", "url": default.get_full_url(request)})
    return {"alternates": alternates if len(alternates) > 1 else [], "canonical": canonical}


@register.simple_tag(takes_context=True)
def content_lang(context, page=None):
    """` lang="…"` for an element holding a page's own text, when that is not the language
    of the interface around it (a page not yet translated, served in its original)."""
    page = page if page is not None else context.get("page")
    if not isinstance(page, Page):
        return ""
    language = i18n.page_language(page)
    if language == get_language():
        return ""
    return format_html(' lang="{}"', language)


@register.inclusion_tag("portal/includes/translation_notice.html", takes_context=True)
def translation_notice(context):
    """The notice on a page shown in another language than the visitor's, with ways to ask
    for a translation or (for editors) to start one."""
    page = context.get("page")
    request = context.get("request")
    current = get_language()
    if not isinstance(page, Page) or not page.pk or i18n.page_language(page) == current:
        return {"show": False}
    original = i18n.page_language(page)
    user = getattr(request, "user", None)
    can_translate = bool(
        user
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and page.permissions_for_user(user).can_edit()
    )
    return {
        "show": True,
        "page": page,
        "language": current,
        "language_name": i18n.language_name(current),
        "original": original,
        "original_name": i18n.language_name_in(original, current),
        "can_translate": can_translate,
        "requested": page.translation_key.hex in request.session.get("translations_asked", [])
        if request
        else False,
        "request": request,
    }


@register.filter
def in_visitor_language(url):
    """``{{ hit.url|in_visitor_language }}``: a stored site path under the visitor's prefix."""
    return i18n.visitor_url(url)
