from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


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
