"""How we rate evidence (rubric version 1.0).

The portal computes every evidence rating from a programme's published evaluations; nobody types
a rating in. This module is pure (no Django, no I/O) so the rubric is easy to read, test and rerun.

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
from dataclasses import dataclass
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
    def label(self) -> str:
        return _LEVEL_LABELS[self]

    @property
    def rank(self) -> int:
        """Strength for sorting: higher is stronger evidence of benefit."""
        return _LEVEL_RANKS[self]


_LEVEL_LABELS = {
    Level.WELL_SUPPORTED: "Well supported",
    Level.SUPPORTED: "Supported",
    Level.PROMISING: "Promising",
    Level.NO_EFFECT: "No effect",
    Level.HARMFUL: "Harmful",
    Level.INSUFFICIENT: "Insufficient evidence",
}
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
    design_name: str
    findings: tuple[Finding, ...]
    sample_size: int | None = None
    follow_up_months: int | None = None
    independent: bool | None = None
    year: int | None = None


@dataclass(frozen=True)
class OutcomeRating:
    outcome: str
    outcome_name: str
    level: Level
    explanation: str
    reasons: tuple[str, ...]
    evaluation_keys: tuple[str, ...]
    harm_signal: bool = False  # a weaker or unclear finding of harm: always shown


@dataclass(frozen=True)
class ProgrammeRating:
    level: Level
    explanation: str
    outcomes: tuple[OutcomeRating, ...]
    harmful_outcomes: tuple[OutcomeRating, ...]
    version: str
    harm_signals: tuple[OutcomeRating, ...] = ()


@dataclass(frozen=True)
class LevelDefinition:
    level: Level
    label: str
    meaning: str
    criteria: tuple[str, ...]


def _definition(level: Level, meaning: str, *criteria: str) -> LevelDefinition:
    return LevelDefinition(level, level.label, meaning, criteria)


_RUBRIC = (
    _definition(
        Level.WELL_SUPPORTED,
        "Several rigorous evaluations found a lasting positive effect.",
        "At least two sound evaluations found a significant positive effect.",
        "At least one of them is a randomised controlled trial, systematic review or "
        "meta-analysis.",
        "At least one of them followed participants for 12 months or more.",
        "No sound evaluation found no effect or harm.",
    ),
    _definition(
        Level.SUPPORTED,
        "Rigorous evidence of a positive effect, not yet replicated or not yet shown to last.",
        "A sound randomised controlled trial, systematic review or meta-analysis found a "
        "significant positive effect, or two sound quasi-experiments did.",
        "If some sound evaluations found no effect, fewer of them did than found a positive one, "
        "and the rating drops one step (Well supported becomes Supported, Supported becomes "
        "Promising).",
    ),
    _definition(
        Level.PROMISING,
        "Early signs of a positive effect that still need a rigorous test.",
        "One sound quasi-experiment found a significant positive effect, or positive results come "
        "only from weaker designs.",
        "No sound evaluation found no effect.",
    ),
    _definition(
        Level.NO_EFFECT,
        "Rigorous evaluations found no benefit.",
        "At least one sound evaluation found no significant effect and none found a positive one, "
        "or the sound evaluations disagree and at least half of them found no effect.",
    ),
    _definition(
        Level.HARMFUL,
        "A rigorous evaluation found that the programme made this outcome worse.",
        "Any sound evaluation found a significant harmful effect.",
        "This rating is always shown, whatever other evaluations found.",
        "Harm found by weaker designs, or harm that is not significant, does not set this rating "
        "but is always reported as a possible harm signal.",
    ),
    _definition(
        Level.INSUFFICIENT,
        "There is not yet enough evidence to judge.",
        "No published evaluation, only qualitative or process evaluations, or only weaker designs "
        "that found no positive effect.",
    ),
)

_NOTES = (
    "Ratings are given per outcome, from published evaluations only.",
    "A sound evaluation has a comparison group (a randomised controlled trial, systematic review, "
    "meta-analysis, or quasi-experiment with a matched comparison group) and reports at least 20 "
    "participants. Trials with fewer than 20 participants, or no reported sample size, count as "
    "weaker designs.",
    "Weaker designs, such as before-and-after studies without a comparison group, can make a "
    "programme Promising at most.",
    "Qualitative and process evaluations help explain how a programme works but cannot show that "
    "it caused a change, so they do not count towards a rating.",
    "A positive or harmful effect counts only if it is statistically significant. For weaker "
    "designs, a positive effect whose significance was not reported still counts as promising.",
    "The headline rating of a programme is Harmful if any outcome is Harmful; otherwise it is the "
    "strongest rating among its outcomes.",
    "Whether an evaluation was independent of the programme's developer is shown, but does not "
    "change the rating.",
)

_MEANING = (
    "A rating describes how strong the causal evidence is that a programme changes one specific "
    "outcome, based only on published evaluations and computed by a public rubric. It is not an "
    "endorsement or a recommendation, and it says nothing about the size of the effect, whether "
    "the programme fits your setting, what it costs or how hard it is to run. 'Insufficient "
    "evidence' means the programme has not been tested well enough yet, not that it does not work."
)


def rubric() -> tuple[LevelDefinition, ...]:
    """The rubric as data, in display order, for the public "How we rate evidence" page."""
    return _RUBRIC


def what_a_rating_means() -> str:
    """A short paragraph on what a rating does and does not mean."""
    return _MEANING


def rubric_notes() -> tuple[str, ...]:
    """The general rules behind every level (designs, sample size, significance, headline)."""
    return _NOTES


# --- Classifying one evaluation's result on one outcome -------------------------------------


@dataclass(frozen=True)
class _Result:
    evaluation: EvaluationEvidence
    finding: Finding
    kind: str  # "positive", "null", "harm" or "descriptive"
    sound: bool
    downgrade: str | None  # why a strong/moderate design was treated as weak

    @property
    def cite(self) -> str:
        ev = self.evaluation
        size = "sample size not reported"
        if ev.sample_size is not None:
            size = f"{ev.sample_size} participants"
        follow = f", {ev.follow_up_months}-month follow-up" if ev.follow_up_months else ""
        return f"{ev.label} ({ev.design_name}, {size}{follow})"

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
        return "its sample size was not reported"
    if ev.sample_size < MIN_SAMPLE_SIZE:
        return f"it had only {ev.sample_size} participants, fewer than {MIN_SAMPLE_SIZE}"
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
        downgrade = "it did not report whether this effect was statistically significant"
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

_NUMBERS = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")


def _count(n: int, noun: str) -> str:
    word = _NUMBERS[n] if n < len(_NUMBERS) else str(n)
    return f"{word} {noun}{'' if n == 1 else 's'}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _evidence_sentences(a: _Assessment) -> list[str]:
    groups = (
        ("harm", True, "sound evaluation", "found a significant harmful effect on"),
        ("positive", True, "sound evaluation", "found a significant positive effect on"),
        ("null", True, "sound evaluation", "found no significant effect on"),
        ("positive", False, "weaker evaluation", "found a positive effect on"),
        ("null", False, "weaker evaluation", "found no clear effect on"),
    )
    sentences = []
    for kind, sound, noun, verb in groups:
        if results := a.pick(kind, sound):
            cites = _join([r.cite for r in results])
            sentences.append(f"{_count(len(results), noun)} {verb} {a.outcome_name}: {cites}.")
    return sentences


def _rule_sentence(a: _Assessment, level: Level) -> str:
    p, n = len(a.pick("positive")), len(a.pick("null"))
    if level is Level.HARMFUL:
        return "A sound evaluation finding harm makes the rating Harmful, whatever else was found."
    if p and n >= p:
        return "The sound evaluations disagree, and most found no effect."
    if p and n:
        return (
            f"The sound evaluations disagree ({p} positive, {n} no effect), so the rating is one "
            f"step below the {_positive_level(a).label} rating that the positive results alone "
            "would earn."
        )
    if level is Level.NO_EFFECT and a.pick("positive", sound=False):
        return "Positive results from weaker designs do not outweigh a sound finding of no effect."
    if level is Level.NO_EFFECT:
        return "No sound evaluation found a positive effect."
    if level is Level.INSUFFICIENT:
        return _insufficient_sentence(a)
    return _positive_rule_sentence(a, level)


def _positive_rule_sentence(a: _Assessment, level: Level) -> str:
    positives = a.pick("positive")
    strong = any(r.evaluation.tier is Tier.STRONG for r in positives)
    if level is Level.WELL_SUPPORTED:
        return (
            "This meets every condition for Well supported, including a positive effect still "
            "found 12 months or more later."
        )
    if level is Level.SUPPORTED and len(positives) >= 2 and strong:
        return "It is not Well supported because no positive result lasted 12 months or more."
    if level is Level.SUPPORTED and len(positives) >= 2:
        return "Well supported would also need a randomised controlled trial or systematic review."
    if level is Level.SUPPORTED:
        return "Well supported would need a second sound evaluation with a positive effect."
    if positives:
        return "Supported would need a strong design or a second sound evaluation."
    return "The positive results come only from weaker designs, so they are not yet conclusive."


def _insufficient_sentence(a: _Assessment) -> str:
    name = a.outcome_name
    if not a.results:
        return f"No published evaluation reports results on {name}."
    if all(r.kind == "descriptive" for r in a.results):
        return (
            f"Only qualitative or process evaluations report on {name}; they cannot show whether "
            "the programme caused a change."
        )
    return f"No sound evaluation has measured {name}, and no weaker design found a positive effect."


def _harm_sentence(r: _Result) -> str:
    name = r.finding.outcome_name
    if r.finding.significant is None:
        return (
            f"Possible harm signal: {r.cite} reported a harmful effect on {name} without saying "
            "whether it was statistically significant."
        )
    if r.finding.significant is False:
        return (
            f"Possible harm signal: {r.cite} reported a harmful direction of effect on {name} "
            "that was not statistically significant."
        )
    return (
        f"Possible harm: {r.cite} found a significant harmful effect on {name}. Its design cannot "
        "show that the programme caused this, so it does not set the rating to Harmful, but it "
        "should be taken seriously."
    )


def _note_sentences(a: _Assessment) -> list[str]:
    notes = [_harm_sentence(r) for r in a.results if r.harm_signal]
    if not a.pick("harm") and any(r.sound for r in a.results):
        notes.append("No sound evaluation found harm.")
    for r in a.results:
        ev = r.evaluation
        if r.downgrade:
            notes.append(
                f"{ev.label} ({ev.design_name}) is treated as a weaker design because "
                f"{r.downgrade}."
            )
        if r.kind == "descriptive":
            notes.append(
                f"{ev.label} ({ev.design_name}) is descriptive: it helps explain how the "
                "programme works but does not count towards the rating."
            )
    return notes


def _independence_sentence(supporting: tuple[_Result, ...]) -> list[str]:
    if not supporting:
        return []
    independent = [r.evaluation.label for r in supporting if r.evaluation.independent]
    if independent:
        return [
            f"At least one supporting evaluation ({_join(independent)}) was independent of the "
            "programme's developer."
        ]
    return [
        "None of the supporting evaluations is reported as independent of the programme's "
        "developer."
    ]


def _reason(r: _Result) -> str:
    what = {
        "positive": "significant positive effect" if r.sound else "positive effect",
        "null": "no significant effect" if r.sound else "no clear effect",
        "harm": "significant harmful effect",
        "descriptive": "descriptive study, not counted",
    }[r.kind]
    quality = "sound design" if r.sound else "weaker design"
    if r.kind == "descriptive":
        quality = "descriptive design"
    elif r.downgrade:
        quality += f" because {r.downgrade}"
    harm = "; possible harm signal, does not set Harmful" if r.harm_signal else ""
    return f"{r.cite}: {what} ({quality}{harm})."


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
    explanation = f"{level.label}: {' '.join(sentences)}"
    signal = any(r.harm_signal for r in a.results)
    return OutcomeRating(a.outcome, a.outcome_name, level, explanation, reasons, keys, signal)


# --- Headline per programme ------------------------------------------------------------------


def _empty_programme(explanation: str) -> ProgrammeRating:
    return ProgrammeRating(Level.INSUFFICIENT, explanation, (), (), RUBRIC_VERSION)


def _headline(pairs: list[tuple[OutcomeRating, _Assessment]]) -> str:
    harmful = [r.outcome_name for r, _ in pairs if r.level is Level.HARMFUL]
    if harmful:
        parts = [
            f"Harmful: at least one sound evaluation found a significant harmful effect on "
            f"{_join(harmful)}. This warning always comes first, whatever other outcomes show."
        ]
    else:
        level = pairs[0][0].level
        top = [(r, a) for r, a in pairs if r.level is level]
        parts = [f"{level.label} for {_join([r.outcome_name for r, _ in top])}."]
        if level in _POSITIVE_LEVELS:
            supporting = tuple(dict.fromkeys(x for _, a in top for x in a.supporting))
            parts += _independence_sentence(supporting)
    signals = [r.outcome_name for r, a in pairs if any(x.harm_signal for x in a.results)]
    if signals:
        parts.append(f"Possible harm signals were reported for {_join(signals)}.")
    verb = "was" if len(pairs) == 1 else "were"
    parts.append(f"{_count(len(pairs), 'outcome')} {verb} rated; see each outcome for the reasons.")
    return " ".join(parts)


def rate_programme(evaluations: Iterable[EvaluationEvidence]) -> ProgrammeRating:
    """Rate a programme from its PUBLISHED evaluations: per outcome, plus a headline."""
    evaluations = tuple(evaluations)
    if not evaluations:
        return _empty_programme(
            "Insufficient evidence: this programme has no published evaluations."
        )
    names: dict[str, str] = {}
    for ev in evaluations:
        for f in ev.findings:
            names.setdefault(f.outcome, f.outcome_name)
    if not names:
        return _empty_programme(
            "Insufficient evidence: the published evaluations do not report results on any outcome."
        )
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
