"""The public "How we rate evidence" page, generated from ``programmes.evidence`` itself.

Every criterion, note and threshold on the page is read from the rubric module, and the worked
examples are rated by the same functions that rate real programmes, so the page cannot drift
from the code.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .. import evidence, explanations, rubric_text
from ..choices import DesignTier
from ..models import StudyDesign

EXAMPLE_OUTCOME = ("knowledge", "Knowledge")  # a slug of the outcome vocabulary


def _study(key, tier, design, direction, significant=True, sample=120, follow_up=None):
    """A made-up evaluation with one finding on the example outcome; ``design`` is a slug of
    the study design vocabulary, so the page names it as the catalogue does."""
    slug, name = EXAMPLE_OUTCOME
    return evidence.EvaluationEvidence(
        key=key,
        label=_("Study %(letter)s") % {"letter": key},
        tier=tier,
        design=design,
        sample_size=sample,
        follow_up_months=follow_up,
        findings=(evidence.Finding(slug, name, direction, significant),),
    )


RCT, QUASI, PRE_POST = "rct", "quasi-experiment", "before-after"
POS, NONE, HARM = evidence.Direction.POSITIVE, evidence.Direction.NONE, evidence.Direction.HARMFUL
S, M, W = evidence.Tier.STRONG, evidence.Tier.MODERATE, evidence.Tier.WEAK


def examples():
    """(what the example shows, the evaluations), in the active language. Each is rated by the
    real rubric on the page; thresholds are read from the rubric now, not at import."""
    long = evidence.LONG_FOLLOW_UP_MONTHS
    return (
        (_("One randomised trial with a positive effect"), (_study("A", S, RCT, POS),)),
        (
            _("Two positive evaluations, one of them with a lasting effect"),
            (_study("A", S, RCT, POS, follow_up=long), _study("B", M, QUASI, POS)),
        ),
        (
            _("Two positive trials and one that found no effect"),
            (
                _study("A", S, RCT, POS, follow_up=2 * long),
                _study("B", S, RCT, POS),
                _study("C", M, QUASI, NONE, significant=False),
            ),
        ),
        (
            _("One positive trial and one trial that found no effect"),
            (_study("A", S, RCT, POS), _study("B", S, RCT, NONE, significant=False)),
        ),
        (
            _("A positive trial with too few participants"),
            (_study("A", S, RCT, POS, sample=evidence.MIN_SAMPLE_SIZE - 5),),
        ),
        (
            _("A before-and-after study with a positive effect"),
            (_study("A", W, PRE_POST, POS, sample=300),),
        ),
        (
            _("A quasi-experiment that found harm, and a positive trial"),
            (_study("A", M, QUASI, HARM), _study("B", S, RCT, POS)),
        ),
    )


@dataclass(frozen=True)
class WorkedExample:
    title: str
    evaluations: tuple  # (evaluation, its design's name)
    rating: evidence.OutcomeRating
    explanation: list  # worded sentences


def worked_examples(names=None):
    names = names or explanations.Names()
    shown = []
    for title, studies in examples():
        rating = evidence.rate_outcome(*EXAMPLE_OUTCOME, studies)
        rows = tuple((study, names.design(study.design)) for study in studies)
        worded = explanations.outcome_sentences(rating.level, rating.explanation, names)
        shown.append(WorkedExample(title, rows, rating, worded))
    return shown


def best_level_for(tier):
    """The strongest rating evaluations of one design tier can earn on their own: three sound,
    positive, long-followed-up studies of that tier, rated by the rubric."""
    long = evidence.LONG_FOLLOW_UP_MONTHS
    studies = tuple(
        _study(str(n), evidence.Tier(tier), "study", POS, sample=500, follow_up=2 * long)
        for n in range(3)
    )
    return evidence.rate_outcome(*EXAMPLE_OUTCOME, studies).level


@dataclass(frozen=True)
class DesignRow:
    design: object  # StudyDesign
    tier_label: str
    best: evidence.Level

    @property
    def best_label(self):
        return explanations.level_label(self.best)


def designs():
    """Every study design in the vocabulary, strongest tier first, with what it can earn."""
    order = [tier.value for tier in DesignTier]
    rows = [
        DesignRow(design, DesignTier(design.tier).label, best_level_for(design.tier))
        for design in StudyDesign.objects.all()
    ]
    return sorted(rows, key=lambda row: order.index(row.design.tier))


def page_context():
    return {
        "version": evidence.RUBRIC_VERSION,
        "min_sample_size": evidence.MIN_SAMPLE_SIZE,
        "long_follow_up_months": evidence.LONG_FOLLOW_UP_MONTHS,
        "meaning": rubric_text.WHAT_A_RATING_MEANS,
        "levels": rubric_text.levels(),
        "notes": rubric_text.notes(),
        "designs": designs(),
        "examples": worked_examples(),
    }
