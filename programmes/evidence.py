"""How we rate evidence (rubric version 1.0).

The portal computes every evidence rating from a programme's published evaluations; nobody types
a rating in. This module is pure (no Django, no I/O) so the rubric is easy to read, test and rerun.
It decides; it does not word. Explanations come out as data (``Sentence``: a code and the facts
it states) and ``programmes.explanations`` words them in the reader's language when shown, as
``programmes.rubric_text`` words the rubric below for the public page.

What a rating means
    A rating describes how strong the causal evidence is that a programme changes one outcome. It
    is not an endorsement, and it says nothing about fit, cost or how easy the programme is to run.

Designs
    * Strong: randomised controlled trials, systematic reviews and meta-analyses.
    * Moderate: quasi-experiments with a matched comparison group.
    * Weak: before-and-after studies without a comparison group.
    * Descriptive: qualitative and process evaluations. They explain how a programme works but
      cannot show that it caused a change, so they never count towards a rating.
    * A *sound* evaluation has a strong or moderate design AND reports at least 20 participants.
      A strong or moderate evaluation with fewer than 20 participants, or no reported sample size,
      is treated as a weak design, and the explanation says why.

Reading a result (always per outcome)
    * Positive: a positive effect that is statistically significant. For weak designs, a positive
      effect whose significance was not reported also counts as positive (but only up to Promising).
    * A strong or moderate evaluation that reports a positive or harmful effect without saying
      whether it was statistically significant is treated as a weak design for that outcome: its
      finding is unclear, so it can make a programme Promising (or raise a possible harm signal),
      but it is neither a sound positive nor a sound "no effect".
    * No effect: no effect, or a positive effect that is not statistically significant.
    * Harm: a harmful effect that is statistically significant.
    * A harmful effect that is not significant counts as "no effect", but it is always reported as a
      possible harm signal. Harm found by a weak design never sets Harmful, but is always reported.
    * If one evaluation reports the same outcome twice, harm counts first, then positive.

Levels (P = sound evaluations with a positive result, N = sound evaluations with no effect)
    * Harmful: any sound evaluation found harm. Always shown, whatever else was found.
    * Well supported: P >= 2, at least one of them strong, at least one with follow-up of 12
      months or more, and N = 0.
    * Supported: at least one strong positive evaluation, or P >= 2.
    * Promising: one moderate positive evaluation, or positive results from weak designs only.
    * No effect: P = 0 and N >= 1 (a sound "no effect" outweighs positive results from weak
      designs).
    * Insufficient evidence: everything else (no evaluations, only descriptive ones, or only weak
      designs that found no clear effect).
    * Disagreement (P >= 1 and N >= 1): if N >= P the rating is No effect; otherwise the rating the
      positive results earn drops one step (Well supported to Supported, Supported to Promising).

Headline per programme
    Harmful if any outcome is Harmful; otherwise the strongest outcome rating ("Supported for
    knowledge"). Insufficient evidence when there are no published evaluations or they report no
    outcomes. Whether a supporting evaluation was independent of the programme's developer is
    mentioned but does not change the level.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

RUBRIC_VERSION = "1.0"
MIN_SAMPLE_SIZE = 20
LONG_FOLLOW_UP_MONTHS = 12


class Level(StrEnum):
    WELL_SUPPORTED = "well_supported"
    SUPPORTED = "supported"
    PROMISING = "promising"
    NO_EFFECT = "no_effect"
    HARMFUL = "harmful"
    INSUFFICIENT = "insufficient"

    @property
    def rank(self) -> int:
        """Strength for sorting: higher is stronger evidence of benefit."""
        return _LEVEL_RANKS[self]


_LEVEL_RANKS = {
    Level.WELL_SUPPORTED: 5,
    Level.SUPPORTED: 4,
    Level.PROMISING: 3,
    Level.NO_EFFECT: 2,
    Level.INSUFFICIENT: 1,
    Level.HARMFUL: 0,
}
_POSITIVE_LEVELS = (Level.WELL_SUPPORTED, Level.SUPPORTED, Level.PROMISING)
_STEP_DOWN = {Level.WELL_SUPPORTED: Level.SUPPORTED, Level.SUPPORTED: Level.PROMISING}


class Direction(StrEnum):
    POSITIVE = "positive"
    NONE = "none"
    HARMFUL = "harmful"


class Tier(StrEnum):
    STRONG = "strong"  # randomised controlled trial, systematic review / meta-analysis
    MODERATE = "moderate"  # quasi-experiment with a matched comparison group
    WEAK = "weak"  # before-and-after, no comparison group
    DESCRIPTIVE = "descriptive"  # qualitative / process evaluation


@dataclass(frozen=True)
class Finding:
    outcome: str  # slug
    outcome_name: str
    direction: Direction
    significant: bool | None = None
    effect_size: float | None = None


@dataclass(frozen=True)
class EvaluationEvidence:
    key: str
    label: str  # human reference, e.g. "Beier et al. 2015"
    tier: Tier
    design: str  # the study design's slug; its name is looked up when shown
    findings: tuple[Finding, ...]
    sample_size: int | None = None
    follow_up_months: int | None = None
    independent: bool | None = None
    year: int | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of an explanation: which kind of sentence (``code``) and the facts it states
    (``params``: JSON-ready counts, levels, outcome slugs and evaluation citations). Ratings are
    stored this way and worded in the reader's language by ``programmes.explanations``."""

    code: str
    params: dict = field(default_factory=dict, hash=False)

    def as_data(self) -> dict:
        return {"code": self.code, **self.params}


@dataclass(frozen=True)
class OutcomeRating:
    outcome: str
    outcome_name: str
    level: Level
    explanation: tuple[Sentence, ...]
    reasons: tuple[Sentence, ...]  # the rule that decided, then one "result" per evaluation
    evaluation_keys: tuple[str, ...]
    harm_signal: bool = False  # a weaker or unclear finding of harm: always shown


@dataclass(frozen=True)
class ProgrammeRating:
    level: Level
    explanation: tuple[Sentence, ...]
    outcomes: tuple[OutcomeRating, ...]
    harmful_outcomes: tuple[OutcomeRating, ...]
    version: str
    harm_signals: tuple[OutcomeRating, ...] = ()


@dataclass(frozen=True)
class LevelDefinition:
    """A level and the codes of its criteria; ``programmes.explanations`` words them."""

    level: Level
    criteria: tuple[str, ...]


_RUBRIC = (
    LevelDefinition(
        Level.WELL_SUPPORTED,
        ("two_sound_positive", "one_strong", "one_lasting", "no_sound_null_or_harm"),
    ),
    LevelDefinition(Level.SUPPORTED, ("strong_or_two_sound_positive", "disagreement_step_down")),
    LevelDefinition(Level.PROMISING, ("moderate_or_weaker_positive", "no_sound_null")),
    LevelDefinition(Level.NO_EFFECT, ("sound_null",)),
    LevelDefinition(Level.HARMFUL, ("sound_harm", "harm_always_shown", "weaker_harm_signal")),
    LevelDefinition(Level.INSUFFICIENT, ("not_enough",)),
)

# The general rules behind every level, in the order the public page lists them.
_NOTES = (
    "per_outcome",
    "sound_evaluation",
    "weaker_designs",
    "descriptive_designs",
    "significance",
    "headline",
    "independence",
)


def rubric() -> tuple[LevelDefinition, ...]:
    """The rubric as data, in display order, for the public "How we rate evidence" page."""
    return _RUBRIC


def rubric_notes() -> tuple[str, ...]:
    """Codes of the general rules behind every level (designs, sample size, significance,
    headline)."""
    return _NOTES


# --- Classifying one evaluation's result on one outcome -------------------------------------


@dataclass(frozen=True)
class _Result:
    evaluation: EvaluationEvidence
    finding: Finding
    kind: str  # "positive", "null", "harm" or "descriptive"
    sound: bool
    downgrade: str | None  # why a strong/moderate design was treated as weak (a code)

    @property
    def harm_signal(self) -> bool:
        return self.finding.direction is Direction.HARMFUL and not (
            self.sound and self.kind == "harm"
        )


def _priority(finding: Finding) -> int:
    order = (Direction.HARMFUL, Direction.POSITIVE, Direction.NONE)
    return order.index(finding.direction) + (0 if finding.significant else 3)


def _downgrade_reason(ev: EvaluationEvidence) -> str | None:
    if ev.tier not in (Tier.STRONG, Tier.MODERATE):
        return None
    if ev.sample_size is None:
        return "sample_unreported"
    if ev.sample_size < MIN_SAMPLE_SIZE:
        return "sample_too_small"
    return None


def _kind(finding: Finding, sound: bool) -> str:
    if finding.direction is Direction.HARMFUL:
        return "harm" if finding.significant is True else "null"
    unreported_ok = finding.significant is None and not sound
    if finding.direction is Direction.POSITIVE and (finding.significant or unreported_ok):
        return "positive"
    return "null"


def _unclear(finding: Finding) -> bool:
    """A positive or harmful effect whose significance was not reported."""
    return finding.significant is None and finding.direction is not Direction.NONE


def _classify(ev: EvaluationEvidence, outcome: str) -> _Result | None:
    findings = [f for f in ev.findings if f.outcome == outcome]
    if not findings:
        return None
    finding = min(findings, key=_priority)
    downgrade = _downgrade_reason(ev)
    if downgrade is None and _unclear(finding) and ev.tier in (Tier.STRONG, Tier.MODERATE):
        downgrade = "significance_unreported"
    sound = ev.tier in (Tier.STRONG, Tier.MODERATE) and downgrade is None
    kind = "descriptive" if ev.tier is Tier.DESCRIPTIVE else _kind(finding, sound)
    return _Result(ev, finding, kind, sound, downgrade)


@dataclass(frozen=True)
class _Assessment:
    outcome: str
    outcome_name: str
    results: tuple[_Result, ...]

    def pick(self, kind: str, sound: bool = True) -> tuple[_Result, ...]:
        return tuple(r for r in self.results if r.kind == kind and r.sound is sound)

    @property
    def supporting(self) -> tuple[_Result, ...]:
        return self.pick("positive") + self.pick("positive", sound=False)


def _assess(
    outcome: str, outcome_name: str, evaluations: Iterable[EvaluationEvidence]
) -> _Assessment:
    results = (_classify(ev, outcome) for ev in evaluations)
    return _Assessment(outcome, outcome_name, tuple(r for r in results if r is not None))


# --- Deciding the level ----------------------------------------------------------------------


def _positive_level(a: _Assessment) -> Level | None:
    positives = a.pick("positive")
    strong = any(r.evaluation.tier is Tier.STRONG for r in positives)
    lasting = any((r.evaluation.follow_up_months or 0) >= LONG_FOLLOW_UP_MONTHS for r in positives)
    if len(positives) >= 2 and strong and lasting:
        return Level.WELL_SUPPORTED
    if strong or len(positives) >= 2:
        return Level.SUPPORTED
    if positives or a.pick("positive", sound=False):
        return Level.PROMISING
    return None


def _level(a: _Assessment) -> Level:
    if a.pick("harm"):
        return Level.HARMFUL
    p, n = len(a.pick("positive")), len(a.pick("null"))
    base = _positive_level(a)
    if n and n >= p:
        return Level.NO_EFFECT
    if n and base:
        return _STEP_DOWN.get(base, base)
    return base or Level.INSUFFICIENT


# --- Explaining it ---------------------------------------------------------------------------
# The rubric says *which* sentences explain a rating and with what facts; their wording, in every
# language, is ``programmes.explanations``. Each sentence is a code and JSON-ready parameters:
# outcome slugs, levels, counts and evaluation citations (``_cite``).


def _cite(ev: EvaluationEvidence) -> dict:
    return {
        "key": ev.key,
        "label": ev.label,
        "design": ev.design,
        "participants": ev.sample_size,
        "follow_up": ev.follow_up_months,
    }


_EVIDENCE_GROUPS = (
    ("harm", True, "sound_harm"),
    ("positive", True, "sound_positive"),
    ("null", True, "sound_no_effect"),
    ("positive", False, "weaker_positive"),
    ("null", False, "weaker_no_clear_effect"),
)


def _evidence_sentences(a: _Assessment) -> list[Sentence]:
    return [
        Sentence(code, {"outcome": a.outcome, "evaluations": [_cite(r.evaluation) for r in found]})
        for kind, sound, code in _EVIDENCE_GROUPS
        if (found := a.pick(kind, sound))
    ]


def _rule_sentence(a: _Assessment, level: Level) -> Sentence:
    p, n = len(a.pick("positive")), len(a.pick("null"))
    if level is Level.HARMFUL:
        return Sentence("rule_harmful")
    if p and n >= p:
        return Sentence("rule_disagree_mostly_no_effect")
    if p and n:
        earned = _positive_level(a).value
        return Sentence(
            "rule_disagree_step_down", {"positive": p, "no_effect": n, "earned": earned}
        )
    if level is Level.NO_EFFECT and a.pick("positive", sound=False):
        return Sentence("rule_weaker_outweighed")
    if level is Level.NO_EFFECT:
        return Sentence("rule_no_sound_positive")
    if level is Level.INSUFFICIENT:
        return _insufficient_sentence(a)
    return _positive_rule_sentence(a, level)


def _positive_rule_sentence(a: _Assessment, level: Level) -> Sentence:
    positives = a.pick("positive")
    strong = any(r.evaluation.tier is Tier.STRONG for r in positives)
    if level is Level.WELL_SUPPORTED:
        return Sentence("rule_well_supported", {"months": LONG_FOLLOW_UP_MONTHS})
    if level is Level.SUPPORTED and len(positives) >= 2 and strong:
        return Sentence("rule_not_lasting", {"months": LONG_FOLLOW_UP_MONTHS})
    if level is Level.SUPPORTED and len(positives) >= 2:
        return Sentence("rule_needs_strong_design")
    if level is Level.SUPPORTED:
        return Sentence("rule_needs_second_sound")
    if positives:
        return Sentence("rule_needs_strong_or_second")
    return Sentence("rule_weaker_only")


def _insufficient_sentence(a: _Assessment) -> Sentence:
    if not a.results:
        return Sentence("rule_no_evaluation", {"outcome": a.outcome})
    if all(r.kind == "descriptive" for r in a.results):
        return Sentence("rule_descriptive_only", {"outcome": a.outcome})
    return Sentence("rule_nothing_sound", {"outcome": a.outcome})


def _harm_sentence(r: _Result) -> Sentence:
    params = {"evaluation": _cite(r.evaluation), "outcome": r.finding.outcome}
    if r.finding.significant is None:
        return Sentence("harm_signal_unreported", params)
    if r.finding.significant is False:
        return Sentence("harm_signal_not_significant", params)
    return Sentence("harm_from_weaker_design", params)


def _downgrade_sentence(r: _Result) -> Sentence:
    params = {"evaluation": _cite(r.evaluation), "why": r.downgrade, "minimum": MIN_SAMPLE_SIZE}
    return Sentence("downgraded", params)


def _note_sentences(a: _Assessment) -> list[Sentence]:
    notes = [_harm_sentence(r) for r in a.results if r.harm_signal]
    if not a.pick("harm") and any(r.sound for r in a.results):
        notes.append(Sentence("no_sound_harm"))
    for r in a.results:
        if r.downgrade:
            notes.append(_downgrade_sentence(r))
        if r.kind == "descriptive":
            notes.append(Sentence("descriptive", {"evaluation": _cite(r.evaluation)}))
    return notes


def _independence_sentence(supporting: tuple[_Result, ...]) -> list[Sentence]:
    if not supporting:
        return []
    # One evaluation supporting several outcomes is named once.
    evaluations = {r.evaluation.key: r.evaluation for r in supporting}.values()
    independent = [_cite(ev) for ev in evaluations if ev.independent]
    if independent:
        return [Sentence("independent", {"evaluations": independent})]
    return [Sentence("not_independent")]


_RESULT_CODES = {"positive": "positive", "null": "no_effect", "harm": "harm"}


def _reason(r: _Result) -> Sentence:
    """What one evaluation found on the outcome, and how much it counts."""
    return Sentence(
        "result",
        {
            "evaluation": _cite(r.evaluation),
            "result": _RESULT_CODES.get(r.kind, "descriptive"),
            "sound": r.sound,
            "downgrade": r.downgrade,
            "minimum": MIN_SAMPLE_SIZE,
            "harm_signal": r.harm_signal,
        },
    )


def rate_outcome(
    outcome: str, outcome_name: str, evaluations: Iterable[EvaluationEvidence]
) -> OutcomeRating:
    """Rate the evidence for one outcome from published evaluations."""
    return _to_rating(_assess(outcome, outcome_name, evaluations))


def _to_rating(a: _Assessment) -> OutcomeRating:
    level = _level(a)
    rule = _rule_sentence(a, level)
    sentences = [*_evidence_sentences(a), rule, *_note_sentences(a)]
    if level in _POSITIVE_LEVELS:
        sentences += _independence_sentence(a.supporting)
    reasons = (rule, *(_reason(r) for r in a.results))
    keys = tuple(dict.fromkeys(r.evaluation.key for r in a.results))
    signal = any(r.harm_signal for r in a.results)
    return OutcomeRating(a.outcome, a.outcome_name, level, tuple(sentences), reasons, keys, signal)


# --- Headline per programme ------------------------------------------------------------------


def _empty_programme(code: str) -> ProgrammeRating:
    return ProgrammeRating(Level.INSUFFICIENT, (Sentence(code),), (), (), RUBRIC_VERSION)


def _headline(pairs: list[tuple[OutcomeRating, _Assessment]]) -> tuple[Sentence, ...]:
    harmful = [r.outcome for r, _ in pairs if r.level is Level.HARMFUL]
    if harmful:
        sentences = [Sentence("headline_harmful", {"outcomes": harmful})]
    else:
        level = pairs[0][0].level
        top = [(r, a) for r, a in pairs if r.level is level]
        outcomes = [r.outcome for r, _ in top]
        sentences = [Sentence("headline", {"level": level.value, "outcomes": outcomes})]
        if level in _POSITIVE_LEVELS:
            supporting = tuple(dict.fromkeys(x for _, a in top for x in a.supporting))
            sentences += _independence_sentence(supporting)
    signals = [r.outcome for r, a in pairs if any(x.harm_signal for x in a.results)]
    if signals:
        sentences.append(Sentence("harm_signals_reported", {"outcomes": signals}))
    sentences.append(Sentence("outcomes_rated", {"count": len(pairs)}))
    return tuple(sentences)


def rate_programme(evaluations: Iterable[EvaluationEvidence]) -> ProgrammeRating:
    """Rate a programme from its PUBLISHED evaluations: per outcome, plus a headline."""
    evaluations = tuple(evaluations)
    if not evaluations:
        return _empty_programme("programme_no_evaluations")
    names: dict[str, str] = {}
    for ev in evaluations:
        for f in ev.findings:
            names.setdefault(f.outcome, f.outcome_name)
    if not names:
        return _empty_programme("programme_no_outcomes")
    assessments = (_assess(slug, name, evaluations) for slug, name in names.items())
    pairs = sorted(
        ((_to_rating(a), a) for a in assessments),
        key=lambda pair: (-pair[0].level.rank, pair[0].outcome_name),
    )
    outcomes = tuple(r for r, _ in pairs)
    harmful = tuple(r for r in outcomes if r.level is Level.HARMFUL)
    level = Level.HARMFUL if harmful else outcomes[0].level
    signals = tuple(r for r in outcomes if r.harm_signal)
    return ProgrammeRating(level, _headline(pairs), outcomes, harmful, RUBRIC_VERSION, signals)
