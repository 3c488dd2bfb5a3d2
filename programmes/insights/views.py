"""Thin views over the evidence pages' pure modules: rubric, gap map and coverage."""

import re

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vocabularies.models import Country

from . import coverage as coverage_data
from . import gap_map as gap_map_data
from . import rubric

COUNTRY_CODE = re.compile(r"[A-Za-z]{2}")


@require_GET
def index(request):
    return render(request, "programmes/insights/index.html")


@require_GET
def how_we_rate(request):
    return render(request, "programmes/insights/how_we_rate.html", rubric.page_context())


@require_GET
def gap_map(request):
    form = gap_map_data.GapMapFilterForm(request.GET or None)
    filters = form.chosen()
    context = {
        "form": form,
        "filters": filters,
        "map": gap_map_data.gap_map(**filters),
        "legend": gap_map_data.legend(),
    }
    return render(request, "programmes/insights/gap_map.html", context)


@require_GET
def coverage(request):
    code = request.GET.get("country", "").strip()
    if COUNTRY_CODE.fullmatch(code):
        return redirect("insights:country_coverage", code=code.upper())
    target_groups, rows = coverage_data.coverage()
    context = {
        "problem": _("“%(code)s” is not a country code such as DE.") % {"code": code[:20]}
        if code
        else "",
        "stages": coverage_data.describe_stages(target_groups),
        "target_groups": target_groups,
        "rows": rows,
        "eu_gaps": coverage_data.eu_gaps(rows),
        "chart": coverage_data.chart(rows),
    }
    return render(request, "programmes/insights/coverage.html", context)


@require_GET
def coverage_csv(request):
    _target_groups, rows = coverage_data.coverage()
    response = HttpResponse(coverage_data.csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="programme-coverage-by-country.csv"'
    return response


@require_GET
def country_coverage(request, code):
    if code != code.upper():
        return redirect("insights:country_coverage", code=code.upper())
    country = Country.objects.filter(code=code).first()
    if country is None:
        raise Http404(_("No country has the code “%(code)s”.") % {"code": code})
    per_stage, elsewhere, programmes = coverage_data.country_programmes(country)
    context = {
        "country": country,
        "per_stage": per_stage,
        "elsewhere": elsewhere,
        "programmes": programmes,
    }
    return render(request, "programmes/insights/country_coverage.html", context)
