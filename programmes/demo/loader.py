"""Load the real, publicly documented programmes in ``programmes.json`` into the page tree,
and the illustrative implementation reports in ``reports.json`` under them.

Idempotent: a programme, evaluation, report or translation that already exists (matched by
slug under its parent) is left exactly as editors may have changed it; only what is missing
is created. Everything created is marked as demo content.

Ratings are refreshed as the pages are created, as publishing them in the CMS would: each
programme is first rated with no evaluation (insufficient evidence, which is not recorded as
a change), then each evaluation that changes the rating adds an entry to the programme's
rating history, with the evaluation as its reason, in order of publication year. A second
run creates nothing, so it records nothing.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.models import Locale, Page

from vocabularies.models import (
    AdaptationKind,
    Barrier,
    Country,
    DeliveryMode,
    Language,
    LegalAnchor,
    Outcome,
    Practice,
    PreventionLevel,
    Setting,
    TargetGroup,
    Topic,
    VulnerableGroup,
)

from ..choices import Independence, Significance
from ..models import (
    EvaluationPage,
    EvaluationResult,
    ImplementationReportPage,
    ProgrammeLink,
    ProgrammePage,
    StudyDesign,
)
from ..ratings import evaluation_reason, refresh_rating

DATA_FILE = Path(__file__).with_name("programmes.json")
REPORTS_FILE = Path(__file__).with_name("reports.json")
# The demo reports are made up to show what practitioners can share: say so on every one.
ILLUSTRATIVE_TITLE = "{title} (illustrative demo report)"
ILLUSTRATIVE_NOTE = (
    "Illustrative demo report: written for the demo, not a real practitioner's account."
)

# JSON key: (model, lookup field)
TERM_FIELDS = {
    "target_groups": (TargetGroup, "slug"),
    "practices": (Practice, "slug"),
    "prevention_levels": (PreventionLevel, "slug"),
    "legal_anchors": (LegalAnchor, "slug"),
    "settings": (Setting, "slug"),
    "delivery_modes": (DeliveryMode, "slug"),
    "topics": (Topic, "slug"),
    "vulnerable_groups": (VulnerableGroup, "slug"),
    "countries": (Country, "code"),
    "languages": (Language, "code"),
}
SIGNIFICANCE = {
    True: Significance.SIGNIFICANT,
    False: Significance.NOT_SIGNIFICANT,
    None: Significance.NOT_REPORTED,
}
INDEPENDENCE = {
    True: Independence.INDEPENDENT,
    False: Independence.DEVELOPER,
    None: Independence.UNKNOWN,
}


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    existing: int = 0

    def add(self, page):
        self.created.append(page)


def read_programmes(path=DATA_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _terms(model, lookup, values):
    found = list(model.objects.filter(**{f"{lookup}__in": values}))
    missing = set(values) - {getattr(term, lookup) for term in found}
    if missing:
        raise ValueError(f"Unknown {model._meta.verbose_name} in demo data: {sorted(missing)}")
    return found


def _paragraphs(text):
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _publish_new(parent, page, report):
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(page)
    return page


def _programme_page(data):
    page = ProgrammePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        description=_paragraphs(data.get("description", "")),
        organisation=data["organisation"],
        website=data.get("website") or "",
        source_url=data["source_url"],
        status=data.get("status", "active"),
        start_year=data.get("start_year"),
        end_year=data.get("end_year"),
        age_min=data.get("age_min"),
        age_max=data.get("age_max"),
        costs=data.get("costs", ""),
        implementation_requirements=data.get("implementation_requirements", ""),
        has_manual=data.get("has_manual"),
        needs_training=data.get("needs_training"),
        needs_supervision=data.get("needs_supervision"),
        is_demo_content=True,
    )
    for key, (model, lookup) in TERM_FIELDS.items():
        getattr(page, key).set(_terms(model, lookup, data.get(key, [])))
    page.links = [
        ProgrammeLink(title=link["title"], url=link["url"]) for link in data.get("links", [])
    ]
    return page


def evaluation_page(data):
    page = EvaluationPage(
        title=data["title"],
        reference=data["reference"],
        doi=data.get("doi") or "",
        study_url=data.get("url") or "",
        publication_year=data.get("year"),
        design=StudyDesign.objects.get(slug=data["design"]),
        sample_size=data.get("sample_size"),
        comparison_group=data.get("comparison_group", ""),
        follow_up_months=data.get("follow_up_months"),
        independence=INDEPENDENCE[data.get("independent")],
        summary=data.get("summary", ""),
        is_demo_content=True,
    )
    page.countries.set(_terms(Country, "code", data.get("countries", [])))
    outcomes = {o.slug: o for o in _terms(Outcome, "slug", [r["outcome"] for r in data["results"]])}
    page.results = [
        EvaluationResult(
            outcome=outcomes[result["outcome"]],
            direction=result["direction"],
            significance=SIGNIFICANCE[result.get("significant")],
            effect_size=result.get("effect_size"),
            note=result.get("note", "")[:500],
        )
        for result in data["results"]
    ]
    return page


def _evaluation_slug(data):
    return slugify(data["title"])[:80]


def _translate(page, language_code, fields, report):
    """Create and publish a translation of ``page`` (and alias any missing parents)."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    translated.save_revision().publish()
    report.add(translated)
    return translated


def _publication_order(evaluation):
    return (evaluation.get("year") is None, evaluation.get("year") or 0, evaluation["title"])


def _load_programme(index_page, data, report):
    """The programme, then its evaluations oldest first, each rated as it is published."""
    programme = _child(index_page, ProgrammePage, data["slug"])
    if programme is None:
        programme = _publish_new(index_page, _programme_page(data), report)
        # Rated at once, as publishing it in the CMS would: "Insufficient evidence" until an
        # evaluation changes it, which the history then records as "Insufficient → …".
        refresh_rating(programme)
    else:
        report.existing += 1
    for evaluation in sorted(data.get("evaluations", []), key=_publication_order):
        slug = _evaluation_slug(evaluation)
        if _child(programme, EvaluationPage, slug) is None:
            page = evaluation_page(evaluation)
            page.slug = slug
            _publish_new(programme, page, report)
            refresh_rating(programme, reason=evaluation_reason(page), evaluation=page)
    for code, fields in data.get("translations", {}).items():
        _translate(programme, code, fields, report)


@transaction.atomic
def load_programmes(index_page: Page, programmes=None, progress=None) -> LoadReport:
    """Create the demo programmes (with evaluations and translations) under ``index_page``.

    Their ratings are stored here, not left to the publish signal: that one refreshes after
    the transaction commits, too late to tell which evaluation changed what."""
    report = LoadReport()
    for data in programmes if programmes is not None else read_programmes():
        _load_programme(index_page, data, report)
        if progress:
            progress(data["slug"])
    return report


# Implementation reports


def read_reports(path=REPORTS_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _optional_date(value):
    return date.fromisoformat(value) if value else None


def report_page(data):
    """An implementation report, marked as illustrative in its title and first words."""
    page = ImplementationReportPage(
        title=ILLUSTRATIVE_TITLE.format(title=data["title"]),
        slug=data["slug"],
        country=Country.objects.get(code=data["country"]),
        place=data.get("place", ""),
        started=_optional_date(data.get("started")),
        ended=_optional_date(data.get("ended")),
        setting=Setting.objects.get(slug=data["setting"]) if data.get("setting") else None,
        adaptations=data.get("adaptations", ""),
        barriers=data.get("barriers", ""),
        fidelity=data.get("fidelity", "unknown"),
        cost=data.get("cost", ""),
        observations=f"{ILLUSTRATIVE_NOTE}\n\n{data.get('observations', '')}".strip(),
        is_demo_content=True,
    )
    page.adaptation_kinds.set(_terms(AdaptationKind, "slug", data.get("adaptation_kinds", [])))
    page.barrier_kinds.set(_terms(Barrier, "slug", data.get("barrier_kinds", [])))
    return page


@transaction.atomic
def load_reports(index_page: Page, reports=None) -> LoadReport:
    """Publish the illustrative implementation reports under their (demo) programmes."""
    report = LoadReport()
    for data in reports if reports is not None else read_reports():
        programme = _child(index_page, ProgrammePage, data["programme"])
        if programme is None:
            raise ValueError(f"Unknown programme in demo reports: {data['programme']}")
        if _child(programme, ImplementationReportPage, data["slug"]) is None:
            _publish_new(programme, report_page(data), report)
        else:
            report.existing += 1
    return report
