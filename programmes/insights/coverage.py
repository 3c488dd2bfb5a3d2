"""Member-state coverage: does each country have programmes for every stage that Directive
2011/93/EU Articles 22 to 24 ask member states to provide for?

``STAGES`` is the one place that says how a programme is read against the Directive. ``build`` is
pure; ``coverage`` and ``country_programmes`` gather their input in a fixed number of queries.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.translations import pick_one_per_family
from vocabularies.models import Country, TargetGroup

from ..models import ProgrammePage


@dataclass(frozen=True)
class Stage:
    """One obligation of the Directive. A programme covers it if it targets one of the target
    groups, or (for Article 23) if its legal anchors include the article."""

    key: str
    label: str
    article: str
    target_groups: tuple[str, ...]
    legal_anchors: tuple[str, ...] = ()

    def covers(self, groups, anchors):
        return bool(set(self.target_groups) & groups or set(self.legal_anchors) & anchors)

    @property
    def heading(self):
        return _("%(stage)s (Art. %(article)s)") % {"stage": self.label, "article": self.article}


# How the portal reads Articles 22 to 24. Articles 22 and 24 are about WHO a programme is for, so
# the target group decides (Article 24's three stages are the three groups of people who have
# offended). Article 23 is about WHAT a programme does (awareness, education, training), so a
# programme counts if an editor anchored it in Article 23 or if it reaches the audiences awareness
# work is for. Article 10 (criminal-records checks) is a duty of employers, not a programme,
# so it is not a column.
STAGES = (
    Stage("before-offence", _("Before an offence"), "22", ("fear-they-might-offend",)),
    Stage(
        "during-proceedings",
        _("During criminal proceedings"),
        "24",
        ("offended-criminal-proceedings",),
    ),
    Stage("in-prison", _("In prison"), "24", ("offended-in-prison",)),
    Stage("after-release", _("After release"), "24", ("offended-after-release",)),
    Stage(
        "awareness",
        _("Awareness, education and training"),
        "23",
        (
            "children",
            "parents-carers",
            "professionals-with-children",
            "organisations-with-children",
            "general-public",
        ),
        ("art-23",),
    ),
)


@dataclass(frozen=True)
class CountryCoverage:
    country: object  # Country
    stages: tuple[int, ...]  # programmes per stage, in STAGES order
    groups: tuple[int, ...]  # programmes per target group, in the order given to build()
    total: int  # all live programmes running in the country

    @property
    def cells(self):
        return tuple(zip(STAGES, self.stages, strict=True))

    @property
    def covered(self):
        return sum(1 for count in self.stages if count)

    @property
    def gaps(self):
        return tuple(stage for stage, count in self.cells if not count)


def stages_of(groups, anchors):
    """The stages a programme with these target-group and legal-anchor slugs covers."""
    return tuple(stage for stage in STAGES if stage.covers(set(groups), set(anchors)))


def _by_key(pairs):
    found = defaultdict(set)
    for key, value in pairs:
        if value is not None:
            found[key].add(value)
    return found


def build(countries, group_slugs, programme_countries, programme_groups, programme_anchors):
    """One row per country: every EU member state, plus any other country with programmes.

    The three iterables hold (programme key, country code / target-group slug / anchor slug)
    pairs; the key stands for every language version of a programme, so each counts once.
    """
    groups, anchors = _by_key(programme_groups), _by_key(programme_anchors)
    where = defaultdict(set)
    for key, code in programme_countries:
        where[code].add(key)
    rows = []
    for country in countries:
        keys = where.get(country.code, set())
        if not (keys or country.is_eu):
            continue
        covered = [stages_of(groups[k], anchors[k]) for k in keys]
        rows.append(
            CountryCoverage(
                country=country,
                stages=tuple(sum(stage in c for c in covered) for stage in STAGES),
                groups=tuple(sum(slug in groups[k] for k in keys) for slug in group_slugs),
                total=len(keys),
            )
        )
    return rows


def coverage():
    """(target groups, rows) for every country. Five queries, however many programmes."""
    live = ProgrammePage.objects.live()
    target_groups = list(TargetGroup.objects.all())
    countries = Country.objects.filter(Q(is_eu=True) | Q(programmes__live=True)).distinct()
    rows = build(
        countries.order_by("-is_eu", "name"),
        [group.slug for group in target_groups],
        live.filter(countries__isnull=False).values_list("translation_key", "countries__code"),
        live.values_list("translation_key", "target_groups__slug"),
        live.values_list("translation_key", "legal_anchors__slug"),
    )
    return target_groups, rows


def describe_stages(target_groups):
    """[(stage, names of its target groups)] for explaining the mapping on the page."""
    names = {group.slug: group.label for group in target_groups}
    return [
        (stage, [names[slug] for slug in stage.target_groups if slug in names]) for stage in STAGES
    ]


def eu_gaps(rows):
    """Per stage, how many EU member states have no programme for it."""
    eu = [row for row in rows if row.country.is_eu]
    return tuple(sum(1 for row in eu if not row.stages[i]) for i in range(len(STAGES)))


# --- Chart --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    row: CountryCoverage
    y: int
    width: int


@dataclass(frozen=True)
class Chart:
    """A horizontal bar per country: how many of the Directive's stages it has programmes for.
    Sizes are in SVG user units; the table on the page is its text alternative."""

    bars: tuple[Bar, ...]
    label_width: int = 170
    bar_height: int = 18
    step: int = 24
    scale: int = 60  # units per stage

    @property
    def ticks(self):
        return [(n, self.label_width + n * self.scale) for n in range(len(STAGES) + 1)]

    @property
    def width(self):
        return self.label_width + len(STAGES) * self.scale + 20

    @property
    def height(self):
        return len(self.bars) * self.step + 30


def chart(rows):
    step = Chart.step
    return Chart(tuple(Bar(row, i * step, row.covered * Chart.scale) for i, row in enumerate(rows)))


# --- One country --------------------------------------------------------------------------


def _one_per_programme(pages):
    """One page per programme, in the visitor's language where it exists (the rule of
    ``portal.translations``), by title."""
    chosen = pick_one_per_family(pages, get_language())
    return sorted(chosen, key=lambda page: page.title.lower())


def country_programmes(country):
    """[(stage, programmes)] for one country, and the programmes in no stage. Four queries."""
    pages = (
        ProgrammePage.objects.live()
        .filter(countries=country)
        .select_related("locale", "rating")
        .prefetch_related("target_groups", "legal_anchors")
    )
    programmes = _one_per_programme(pages)
    covered = {
        page.pk: stages_of(
            [g.slug for g in page.target_groups.all()], [a.slug for a in page.legal_anchors.all()]
        )
        for page in programmes
    }
    per_stage = [(stage, [p for p in programmes if stage in covered[p.pk]]) for stage in STAGES]
    elsewhere = [p for p in programmes if not covered[p.pk]]
    return per_stage, elsewhere, programmes


# --- CSV ----------------------------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Spreadsheets run a cell that starts with = + - @ as a formula: make it plain text."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_text(rows):
    """One row per country: code, name, EU member state, one column per stage, total."""
    out = io.StringIO()
    writer = csv.writer(out)
    header = [_("Country code"), _("Country"), _("EU member state")]
    header += [stage.heading for stage in STAGES] + [_("All programmes")]
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        cells = [row.country.code, row.country.label, _("yes") if row.country.is_eu else _("no")]
        writer.writerow([safe_cell(cell) for cell in [*cells, *row.stages, row.total]])
    return out.getvalue()
