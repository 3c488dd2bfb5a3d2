"""Translation coverage: every original material by every language, for editors.

The statuses come from ``translation_status``; this module only filters, lays out the matrix and
says where each cell leads in wagtail-localize.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Locale
from wagtail.permissions import page_permission_policy

from .choices import MaterialKind, TranslationStatus
from .models import CampaignPage, MaterialPage
from .translation_status import SOURCE, LanguageStatus, coverage, language_codes, language_name

ROWS_PER_PAGE = 50


class CoverageFilterForm(forms.Form):
    campaign = forms.ModelChoiceField(
        label=_("Campaign"),
        queryset=CampaignPage.objects.none(),
        required=False,
        empty_label=_("All campaigns"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *MaterialKind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *TranslationStatus.choices],
        required=False,
    )
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, default_locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = CampaignPage.objects.filter(
            locale=default_locale, alias_of__isnull=True
        ).order_by("title")
        self.fields["language"].choices = [
            ("", _("All languages")),
            *settings.WAGTAIL_CONTENT_LANGUAGES,
        ]


@dataclass(frozen=True)
class Cell:
    entry: LanguageStatus
    language_name: str
    url: str
    action: str  # what following the link does, for screen readers and the title

    @property
    def css_status(self):
        return self.entry.status.replace("_", "-")


def cell_link(material, entry, language_name, back_url):
    """Where a cell leads: translate (missing), sync (out of date), or edit the translation."""
    title = material.title
    if entry.status == SOURCE:
        return (
            reverse("wagtailadmin_pages:edit", args=[material.pk]),
            _("Edit the original “%(title)s”") % {"title": title},
        )
    if entry.page is not None and not (
        entry.status == TranslationStatus.OUT_OF_DATE and entry.translation_source_id
    ):
        return (
            reverse("wagtailadmin_pages:edit", args=[entry.page.pk]),
            _("Edit the %(language)s translation of “%(title)s”")
            % {"language": language_name, "title": title},
        )
    if entry.status == TranslationStatus.OUT_OF_DATE:
        url = reverse("wagtail_localize:update_translations", args=[entry.translation_source_id])
        return (
            f"{url}?{urlencode({'next': back_url})}",
            _("Sync the translations of “%(title)s” with the original") % {"title": title},
        )
    url = reverse("wagtail_localize:submit_page_translation", args=[material.pk])
    return (
        f"{url}?{urlencode({'select_locale': entry.code, 'next': back_url})}",
        _("Translate “%(title)s” into %(language)s") % {"language": language_name, "title": title},
    )


def coverage_rows(materials, codes, campaigns_by_path, back_url, wanted_status=""):
    """One row per material: its campaign and a Cell per language, in ``codes`` order."""
    names = {code: language_name(code) for code in codes}
    statuses = coverage(materials, codes)
    rows = []
    for material in materials:
        entries = statuses[material.pk]
        if wanted_status and not any(entry.status == wanted_status for entry in entries.values()):
            continue
        cells = []
        for code in codes:
            entry = entries[code]
            url, action = cell_link(material, entry, names[code], back_url)
            cells.append(Cell(entry, names[code], url, action))
        parent_path = material.path[: -MaterialPage.steplen]
        rows.append(
            {"material": material, "campaign": campaigns_by_path.get(parent_path), "cells": cells}
        )
    return rows


def column_totals(rows, codes):
    """How many materials are current (or the source) in each language."""
    return [
        sum(row["cells"][index].entry.status in (SOURCE, TranslationStatus.CURRENT) for row in rows)
        for index, _code in enumerate(codes)
    ]


class CoverageView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Editors with page edit permission see which materials still need translating."""

    permission_policy = page_permission_policy
    permission_required = "change"
    template_name = "campaigns/admin/coverage.html"
    page_title = _("Translation coverage")
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        default_locale = Locale.get_default()
        form = CoverageFilterForm(self.request.GET or None, default_locale=default_locale)
        filters = form.cleaned_data if form.is_valid() else {}

        materials = MaterialPage.objects.filter(
            locale=default_locale, alias_of__isnull=True, adapted_from__isnull=True
        ).order_by("path")
        if filters.get("campaign"):
            materials = materials.child_of(filters["campaign"])
        if filters.get("kind"):
            materials = materials.filter(kind=filters["kind"])
        codes = [filters["language"]] if filters.get("language") else language_codes()
        campaigns_by_path = {
            campaign.path: campaign for campaign in form.fields["campaign"].queryset
        }
        rows = coverage_rows(
            list(materials),
            codes,
            campaigns_by_path,
            self.request.get_full_path(),
            wanted_status=filters.get("status", ""),
        )
        paginator = Paginator(rows, ROWS_PER_PAGE)
        page_obj = paginator.get_page(self.request.GET.get("p"))
        context.update(
            form=form,
            languages=[
                {"code": code, "name": language_name(code), "total": total}
                for code, total in zip(codes, column_totals(rows, codes), strict=True)
            ],
            rows=page_obj.object_list,
            page_obj=page_obj,
            material_count=len(rows),
        )
        return context
