from django.contrib import messages
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST


@require_GET
def admin_login(request):
    """Wagtail's login page, routed through allauth so two-factor login always applies."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    target = target or reverse("wagtailadmin_home")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /accounts/", "Sitemap: /sitemap.xml"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def support_services(request):
    """Confidential help, grouped by country; services open to everyone come first."""
    from .models import SupportService

    services = SupportService.objects.select_related("country").prefetch_related("languages")
    everywhere = [s for s in services if s.country_id is None]
    by_country = {}
    for service in services:
        if service.country_id:
            by_country.setdefault(service.country.label, []).append(service)
    return render(
        request,
        "portal/support_services.html",
        {"everywhere": everywhere, "by_country": sorted(by_country.items())},
    )


def serve(request, path):
    """Wagtail's page view, whole in every language: a page not translated into the visitor's
    language is served from another language's tree (``portal.i18n.fallback_route``).
    Where the page found has a better version for the visitor, they are sent there."""
    from wagtail.models import Page
    from wagtail.views import serve as wagtail_serve

    from .i18n import best_version, fallback_route

    if Page.route_for_request(request, path) is None:
        if fallback_route(request, path) is None:
            raise Http404
        page = request._wagtail_route_for_request[0]
        better = best_version(page, get_language())
        if better.pk != page.pk:
            return redirect(better.get_url(request))
    return wagtail_serve(request, path)


@require_POST
def ask_for_translation(request):
    """Count a visitor's wish to read a page in their language (once per page per session)."""
    from wagtail.models import Page

    from .models import TranslationRequest

    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    language = get_language()
    page_id = request.POST.get("page", "")
    page = Page.objects.live().filter(pk=page_id).first() if page_id.isdigit() else None
    if page is None or page.locale.language_code == language:
        messages.error(request, _("That page could not be found."))
        return redirect(target)
    asked = request.session.get("translations_asked", [])
    if page.translation_key.hex not in asked:
        wish, _created = TranslationRequest.objects.get_or_create(page=page, language=language)
        TranslationRequest.objects.filter(pk=wish.pk).update(count=F("count") + 1)
        request.session["translations_asked"] = [*asked, page.translation_key.hex][-200:]
    messages.success(
        request, _("Thank you: the editors know you would like this page in your language.")
    )
    return redirect(target)
