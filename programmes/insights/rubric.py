"""The public "How we rate evidence" page, generated from ``programmes.evidence`` itself.

Every criterion, note and threshold on the page is read from the rubric module, and the worked
examples are rated by the same functions that rate real programmes, so the page cannot drift
from the code.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .. import evidence
from ..choices import DesignTier
from ..models import StudyDesign

EXAMPLE_OUTCOME = ("knowledge", "Knowledge")


def _study(key, tier, design, direction, significant=True, sample=120, follow_up=None):
    """A made-up evaluation with one finding on the example outcome."""
    slug, name = EXAMPLE_OUTCOME
    return evidence.EvaluationEvidence(
        key=key,
        label=f"Study {key}",
        tier=tier,
        design_name=design,
        sample_size=sample,
        follow_up_months=follow_up,
        findings=(evidence.Finding(slug, name, direction, significant),),
    )


RCT = "randomised controlled trial"
QUASI = "quasi-experiment"
PRE_POST = "before-and-after study"
POS, NONE, HARM = evidence.Direction.POSITIVE, evidence.Direction.NONE, evidence.Direction.HARMFUL
LONG = evidence.LONG_FOLLOW_UP_MONTHS
S, M, W = evidence.Tier.STRONG, evidence.Tier.MODERATE, evidence.Tier.WEAK

# (what the example shows, the evaluations). Each is rated by the real rubric on the page.
EXAMPLES = (
    (_("One randomised trial with a positive effect"), (_study("A", S, RCT, POS),)),
    (
        _("Two positive evaluations, one of them with a lasting effect"),
        (_study("A", S, RCT, POS, follow_up=LONG), _study("B", M, QUASI, POS)),
    ),
    (
        _("Two positive trials and one that found no effect"),
        (
            _study("A", S, RCT, POS, follow_up=2 * LONG),
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
    evaluations: tuple
    rating: evidence.OutcomeRating


def worked_examples():
    return [
        WorkedExample(title, studies, evidence.rate_outcome(*EXAMPLE_OUTCOME, studies))
        for title, studies in EXAMPLES
    ]


def best_level_for(tier):
    """The strongest rating evaluations of one design tier can earn on their own: three sound,
    positive, long-followed-up studies of that tier, rated by the rubric."""
    studies = tuple(
        _study(str(n), evidence.Tier(tier), "study", POS, sample=500, follow_up=2 * LONG)
        for n in range(3)
    )
    return evidence.rate_outcome(*EXAMPLE_OUTCOME, studies).level


@dataclass(frozen=True)
class DesignRow:
    design: object  # StudyDesign
    tier_label: str
    best: evidence.Level


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
        "meaning": evidence.what_a_rating_means(),
        "levels": evidence.rubric(),
        "notes": evidence.rubric_notes(),
        "designs": designs(),
        "examples": worked_examples(),
    }
