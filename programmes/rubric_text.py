"""The rubric's wording for the "How we rate evidence" page and the API's rating vocabulary.

``programmes.evidence`` holds the rubric's decisions: its levels, the codes of each level's
criteria and of the general rules, and the thresholds. This module words them, marked for
translation; the thresholds are read from ``evidence`` when the text is shown, so the page
follows the code.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from . import evidence
from .choices import RatingLevel

WHAT_A_RATING_MEANS = _(
    "A rating describes how strong the causal evidence is that a programme changes one specific "
    "outcome, based only on published evaluations and computed by a public rubric. It is not an "
    "endorsement or a recommendation, and it says nothing about the size of the effect, whether "
    "the programme fits your setting, what it costs or how hard it is to run. 'Insufficient "
    "evidence' means the programme has not been tested well enough yet, not that it does not "
    "work."
)

MEANINGS = {
    evidence.Level.WELL_SUPPORTED: _(
        "Several rigorous evaluations found a lasting positive effect."
    ),
    evidence.Level.SUPPORTED: _(
        "Rigorous evidence of a positive effect, not yet replicated or not yet shown to last."
    ),
    evidence.Level.PROMISING: _(
        "Early signs of a positive effect that still need a rigorous test."
    ),
    evidence.Level.NO_EFFECT: _("Rigorous evaluations found no benefit."),
    evidence.Level.HARMFUL: _(
        "A rigorous evaluation found that the programme made this outcome worse."
    ),
    evidence.Level.INSUFFICIENT: _("There is not yet enough evidence to judge."),
}

# Criteria and notes; those with a threshold are counted with ``count`` (read when shown).
CRITERIA = {
    "two_sound_positive": _("At least two sound evaluations found a significant positive effect."),
    "one_strong": _(
        "At least one of them is a randomised controlled trial, systematic review or meta-analysis."
    ),
    "one_lasting": ngettext_lazy(
        "At least one of them followed participants for %(count)s month or more.",
        "At least one of them followed participants for %(count)s months or more.",
        "count",
    ),
    "no_sound_null_or_harm": _("No sound evaluation found no effect or harm."),
    "strong_or_two_sound_positive": _(
        "A sound randomised controlled trial, systematic review or meta-analysis found a "
        "significant positive effect, or two sound quasi-experiments did."
    ),
    "disagreement_step_down": _(
        "If some sound evaluations found no effect, fewer of them did than found a positive one, "
        "and the rating drops one step (Well supported becomes Supported, Supported becomes "
        "Promising)."
    ),
    "moderate_or_weaker_positive": _(
        "One sound quasi-experiment found a significant positive effect, or positive results come "
        "only from weaker designs."
    ),
    "no_sound_null": _("No sound evaluation found no effect."),
    "sound_null": _(
        "At least one sound evaluation found no significant effect and none found a positive one, "
        "or the sound evaluations disagree and at least half of them found no effect."
    ),
    "sound_harm": _("Any sound evaluation found a significant harmful effect."),
    "harm_always_shown": _("This rating is always shown, whatever other evaluations found."),
    "weaker_harm_signal": _(
        "Harm found by weaker designs, or harm that is not significant, does not set this rating "
        "but is always reported as a possible harm signal."
    ),
    "not_enough": _(
        "No published evaluation, only qualitative or process evaluations, or only weaker designs "
        "that found no positive effect."
    ),
}

NOTES = {
    "per_outcome": _("Ratings are given per outcome, from published evaluations only."),
    "sound_evaluation": ngettext_lazy(
        "A sound evaluation has a comparison group (a randomised controlled trial, systematic "
        "review, meta-analysis, or quasi-experiment with a matched comparison group) and reports "
        "at least %(count)s participant. Trials with fewer participants, or no reported sample "
        "size, count as weaker designs.",
        "A sound evaluation has a comparison group (a randomised controlled trial, systematic "
        "review, meta-analysis, or quasi-experiment with a matched comparison group) and reports "
        "at least %(count)s participants. Trials with fewer participants, or no reported sample "
        "size, count as weaker designs.",
        "count",
    ),
    "weaker_designs": _(
        "Weaker designs, such as before-and-after studies without a comparison group, can make a "
        "programme Promising at most."
    ),
    "descriptive_designs": _(
        "Qualitative and process evaluations help explain how a programme works but cannot show "
        "that it caused a change, so they do not count towards a rating."
    ),
    "significance": _(
        "A positive or harmful effect counts only if it is statistically significant. For weaker "
        "designs, a positive effect whose significance was not reported still counts as "
        "promising."
    ),
    "headline": _(
        "The headline rating of a programme is Harmful if any outcome is Harmful; otherwise it is "
        "the strongest rating among its outcomes."
    ),
    "independence": _(
        "Whether an evaluation was independent of the programme's developer is shown, but does "
        "not change the rating."
    ),
}

# Which threshold a counted text is about.
_COUNTS = {
    "one_lasting": lambda: evidence.LONG_FOLLOW_UP_MONTHS,
    "sound_evaluation": lambda: evidence.MIN_SAMPLE_SIZE,
}


def _worded(code, texts):
    message = texts[code]
    if code in _COUNTS:
        return message % {"count": _COUNTS[code]()}
    return str(message)


def criterion(code):
    return _worded(code, CRITERIA)


def note(code):
    return _worded(code, NOTES)


@dataclass(frozen=True)
class LevelText:
    level: evidence.Level
    label: str
    meaning: str
    criteria: tuple[str, ...]


def levels():
    """The rubric's levels in display order, worded in the active language."""
    return [
        LevelText(
            d.level,
            str(RatingLevel(d.level.value).label),
            str(MEANINGS[d.level]),
            tuple(criterion(code) for code in d.criteria),
        )
        for d in evidence.rubric()
    ]


def notes():
    return [note(code) for code in evidence.rubric_notes()]
