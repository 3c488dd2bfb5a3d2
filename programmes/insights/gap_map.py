"""The evidence-and-gap map: which target groups have programmes with evidence on which outcome.

Rows are target groups, columns are outcomes. A cell counts the live programmes that target the
group and have a stored rating for the outcome (one per programme, however many language
versions it has), and gives the strongest rating among them. Harm is never folded into "best":
it is counted separately so that it is always visible. Empty cells are the research gaps.

``build`` is pure; ``gap_map`` gathers its input in a fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vocabularies.models import Country, Outcome, PreventionLevel, TargetGroup

from ..choices import RatingLevel
from ..evidence import Level
from ..models import OutcomeRating, ProgrammePage


@dataclass(frozen=True)
class Cell:
    group: object  # TargetGroup
    outcome: object  # Outcome
    count: int = 0
    best: Level | None = None  # strongest rating other than Harmful
    harmful: int = 0  # programmes whose rating for this outcome is Harmful
    search_url: str = ""

    @property
    def is_gap(self):
        return self.count == 0

    @property
    def best_label(self):
        return RatingLevel(self.best.value).label if self.best else ""

    @property
    def shade(self):
        """The colour class; the cell's text always says the same thing in words."""
        if self.is_gap:
            return "gap"
        return self.best.value if self.best else "harmful"


@dataclass(frozen=True)
class Row:
    group: object  # TargetGroup
    programmes: int  # live programmes that target the group, rated or not
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class GapMap:
    outcomes: tuple
    rows: tuple[Row, ...]

    @property
    def filled(self):
        return [cell for row in self.rows for cell in row.cells if not cell.is_gap]

    @property
    def gaps(self):
        return sum(1 for row in self.rows for cell in row.cells if cell.is_gap)


def _cell(group, outcome, levels, link):
    positive = [level for level in levels if level is not Level.HARMFUL]
    return Cell(
        group=group,
        outcome=outcome,
        count=len(levels),
        best=max(positive, key=lambda level: level.rank) if positive else None,
        harmful=len(levels) - len(positive),
        search_url=link(group, outcome) if levels and link else "",
    )


def build(groups, outcomes, programme_groups, outcome_levels, link=None):
    """The map from plain data.

    ``programme_groups``: (programme key, target group id) pairs; ``outcome_levels``: (programme
    key, outcome id, level) triples. A programme key stands for every language version of a
    programme, so each programme counts once. ``link(group, outcome)`` gives a cell's URL.
    """
    members = defaultdict(set)
    for key, group_id in programme_groups:
        members[group_id].add(key)
    rated = defaultdict(dict)
    for key, outcome_id, level in outcome_levels:
        rated[outcome_id][key] = Level(level)
    rows = []
    for group in groups:
        keys = members.get(group.id, set())
        cells = tuple(
            _cell(
                group, outcome, [rated[outcome.id][k] for k in keys if k in rated[outcome.id]], link
            )
            for outcome in outcomes
        )
        rows.append(Row(group, len(keys), cells))
    return GapMap(tuple(outcomes), tuple(rows))


def legend():
    """(shade, words) for every colour the map uses, strongest first."""
    levels = sorted(
        (level for level in Level if level is not Level.HARMFUL), key=lambda lv: -lv.rank
    )
    shades = [(level.value, RatingLevel(level.value).label) for level in levels]
    return [
        *shades,
        ("harmful", _("Only a Harmful rating")),
        ("gap", _("No evaluated programme: a research gap")),
    ]


class GapMapFilterForm(forms.Form):
    """Optional filters; a bad value is reported and ignored, never a crash."""

    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.filter(programmes__live=True).distinct(),
        to_field_name="code",
        required=False,
        empty_label=_("All countries"),
    )
    prevention_level = forms.ModelChoiceField(
        label=_("Prevention level"),
        queryset=PreventionLevel.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All levels"),
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and "country" in data:
            data = data.copy()
            data["country"] = data["country"].strip().upper()
        super().__init__(data, **kwargs)
        for name in self.fields:
            self.fields[name].error_messages["invalid_choice"] = _(
                "“%(value)s” is not one of the choices."
            )

    def chosen(self):
        """The valid filters as {name: term}; a bad value in one leaves the other working."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def problems(self):
        """One message per bad value, saying that the filter was ignored."""
        ignored = gettext("This filter was ignored.")
        return [f"{error} {ignored}" for errors in self.errors.values() for error in errors]


def _search_link(filters):
    base = reverse("search")
    extra = [(name, getattr(term, "code", None) or term.slug) for name, term in filters.items()]

    def link(group, outcome):
        params = [("type", "programme"), ("target_group", group.slug), ("outcome", outcome.slug)]
        return f"{base}?{urlencode(params + extra)}"

    return link


def gap_map(country=None, prevention_level=None):
    """The map for live programmes, optionally only those running in a country or working at a
    prevention level. Four queries, however many programmes there are."""
    programmes = ProgrammePage.objects.live()
    if country is not None:
        programmes = programmes.filter(countries=country)
    if prevention_level is not None:
        programmes = programmes.filter(prevention_levels=prevention_level)
    pairs = programmes.filter(target_groups__isnull=False).values_list(
        "translation_key", "target_groups"
    )
    levels = OutcomeRating.objects.filter(
        programme_rating__programme__in=programmes.values("pk")
    ).values_list("programme_rating__programme__translation_key", "outcome_id", "level")
    filters = {"country": country, "prevention_level": prevention_level}
    return build(
        TargetGroup.objects.all(),
        Outcome.objects.all(),
        pairs,
        levels,
        link=_search_link({name: term for name, term in filters.items() if term is not None}),
    )
