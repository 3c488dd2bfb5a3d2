from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import urls as search_urls
from working_groups import urls as working_groups_urls

from . import views
from .sitemaps import PortalSitemap

# The Django admin is deliberately not mounted: editors and moderators use Wagtail.
urlpatterns = [
    # Wagtail's own login form would bypass allauth (and its two-factor step): send it there.
    path("admin/login/", views.admin_login, name="portal_admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}),
    path("robots.txt", views.robots_txt),
    *search_urls.api_urlpatterns,
    path("api/", include("portal.api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    *search_urls.page_urlpatterns,
    path("support/", views.support_services, name="support_services"),
    path("translations/ask/", views.ask_for_translation, name="ask_for_translation"),
    *working_groups_urls.member_urlpatterns,
    path("working-groups/", include("working_groups.urls")),
    path("materials/", include("campaigns.urls")),
    path("contribute/", include("programmes.submissions.urls")),
    path("evidence/", include("programmes.insights.urls")),
    path("accounts/", include("portal.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    # Wagtail's page URLs, served by a view that falls back to other languages' pages.
    *wagtail_urls.urlpatterns[:-1],
    re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
