"""What practitioners report from running a programme: a summary and a filter.

Practitioners want to know where a programme has run, what got in the way and what others had
to change. These functions work on the list of published reports that
``programmes.ratings.reports_for`` returns (with country and setting selected, and barrier and
adaptation kinds prefetched by ``with_kinds``), so they add no queries of their own.
"""

from collections import Counter
from dataclasses import dataclass

from django import forms
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Tally:
    """One term (a country, barrier or kind of adaptation) and how many reports mention it."""

    term: object
    count: int

    @property
    def name(self):
        return self.term.label


@dataclass(frozen=True)
class ReportSummary:
    total: int
    countries: tuple[Tally, ...]
    barriers: tuple[Tally, ...]
    adaptations: tuple[Tally, ...]


def with_kinds(reports):
    """Load every report's barrier and adaptation kinds in two queries, whatever their number."""
    prefetch_related_objects(list(reports), "barrier_kinds", "adaptation_kinds")
    return reports


def _tally(terms):
    """Most common first; ties in alphabetical order, so the summary reads the same every time."""
    counts = Counter(terms)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0].label))
    return tuple(Tally(term, count) for term, count in ordered)


def summarise(reports):
    """Countries, barriers and adaptations across reports, each counted once per report."""
    reports = list(reports)
    return ReportSummary(
        total=len(reports),
        countries=_tally(report.country for report in reports),
        barriers=_tally(kind for report in reports for kind in set(report.barrier_kinds.all())),
        adaptations=_tally(
            kind for report in reports for kind in set(report.adaptation_kinds.all())
        ),
    )


def filter_reports(reports, country=None, setting=None):
    """The reports from a country (ISO code) and in a setting (slug); ``None`` means any."""
    return [
        report
        for report in reports
        if (country is None or report.country.code == country)
        and (setting is None or (report.setting is not None and report.setting.slug == setting))
    ]


def _choices(terms, key):
    unique = {key(term): term.label for term in terms if term is not None}
    return [("", _("Any"))] + sorted(unique.items(), key=lambda item: item[1])


class ReportFilterForm(forms.Form):
    """Filters a programme's reports. It offers only the values that occur among them, so a
    choice never leads to an empty list; any other value is an error, never a crash."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    setting = forms.ChoiceField(label=_("Setting"), required=False)

    def __init__(self, data=None, *, reports=(), **kwargs):
        if data is not None and "country" in data:
            data = data.copy()
            data["country"] = data["country"].strip().upper()  # "de" is Germany too
        super().__init__(data, **kwargs)
        self.fields["country"].choices = _choices((r.country for r in reports), lambda c: c.code)
        self.fields["setting"].choices = _choices((r.setting for r in reports), lambda s: s.slug)
        self.fields["country"].error_messages["invalid_choice"] = _(
            "No published report comes from “%(value)s”."
        )
        self.fields["setting"].error_messages["invalid_choice"] = _(
            "No published report was run in the setting “%(value)s”."
        )

    def _chosen(self, name):
        """The valid value of one filter; a bad value in one filter does not undo the other."""
        if not self.is_bound:
            return None
        self.is_valid()  # fills cleaned_data with the fields that are valid
        return self.cleaned_data.get(name) or None

    def apply(self, reports):
        """The reports that match the valid filters (all of them when nothing is chosen)."""
        return filter_reports(reports, self._chosen("country"), self._chosen("setting"))

    def active_filters(self):
        """Labels of the chosen values, e.g. ["Country: Germany"], for saying what is shown."""
        chosen = []
        for name, field in self.fields.items():
            if value := self._chosen(name):
                chosen.append(f"{field.label}: {dict(field.choices)[value]}")
        return chosen

    def problems(self):
        """One message per bad value, saying that the filter was ignored."""
        ignored = gettext("This filter was ignored.")
        return [f"{error} {ignored}" for errors in self.errors.values() for error in errors]
