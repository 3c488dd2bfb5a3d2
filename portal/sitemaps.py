"""The sitemap: every live public page in every language it really exists in.

Wagtail's own sitemap lists the default site root's tree only, so translated pages (under
their own language's root) would be missing. Each entry also names the page's other real
translations as ``hreflang`` alternates; pages served in fallback (``portal.i18n``) are not
translations and are never listed.
"""

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from . import i18n


class PortalSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        trees = Q()
        for root in roots:
            trees |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _family_locations(self, pages):
        families = {}
        for page in pages:
            code = page.locale.language_code
            with i18n.links_in(code):
                location = page.get_full_url(self.request)
            families.setdefault(page.translation_key, []).append((code, location))
        return families

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        families = self._family_locations(self.items())
        urls = []
        for item in pages:
            with i18n.links_in(item.locale.language_code):
                info = item.get_sitemap_urls(self.request)
            versions = families.get(item.translation_key, [])
            if len(versions) > 1:
                alternates = [{"lang_code": code, "location": url} for code, url in versions]
                default = dict(versions).get(settings.LANGUAGE_CODE)
                if default:
                    alternates.append({"lang_code": "x-default", "location": default})
                for url_info in info:
                    url_info["alternates"] = alternates
            urls.extend(info)
        lastmods = {url_info.get("lastmod") for url_info in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
