"""Site-shell template tags: navigation and the language switcher."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    locale = Locale.get_active()
    if root.locale_id != locale.id:
        root = root.get_translation_or_none(locale) or root
    return root


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = _site_root(request)
    items = root.get_children().live().in_menu().only("title", "url_path", "path") if root else []
    current = context.get("page")
    return {
        "root": root,
        "items": items,
        "current_path": current.path if isinstance(current, Page) else "",
        "request": request,
    }


@register.inclusion_tag("portal/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language it exists in, so visitors stay on the same content."""
    page = context.get("page")
    request = context.get("request")
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    current = get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        for translation in translations:
            code = translation.locale.language_code
            links.append(
                {
                    "code": code,
                    "name": names.get(code, code),
                    "url": translation.get_url(request),
                    "current": code == current,
                }
            )
    links.sort(key=lambda link: link["name"])
    return {"links": links, "current": current}
