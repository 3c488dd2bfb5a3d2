"""The words of the evidence rubric, in the reader's language.

``programmes.evidence`` decides every rating and says which sentences explain it, as codes with
their facts (``evidence.Sentence``); ratings are stored that way. This module words them when
they are shown, with the translation active then: every sentence is one whole translatable
message with named placeholders, counted ones through ``ngettext``. Outcome and study design
names come from the vocabularies' label helper (``vocabularies.labels``), evaluations by the
label they were rated under.

Stored text from before explanations were structured (English sentences) is still shown as it
is, marked as English (``Legacy``).
"""

import re
from collections.abc import Callable, Iterable

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from vocabularies import labels
from vocabularies.models import Outcome

from .choices import RatingLevel
from .models import StudyDesign


class Legacy(str):
    """Text stored in English before explanations were structured: shown as it is, with
    ``lang="en"``."""

    lang = "en"


def legacy(text):
    """The record that keeps an old English sentence (written by the migration)."""
    return {"code": "legacy", "text": text}


class Names:
    """Names of outcomes and study designs by slug: the vocabularies' label helper unless given
    (tests and made-up examples pass their own). Unknown slugs read as themselves."""

    def __init__(self, outcomes=None, designs=None, english=None):
        self._outcomes, self._designs, self._english = outcomes, designs, english

    def english(self):
        """The English names of every outcome and study design (old English text used them)."""
        if self._english is None:
            with translation.override("en"):
                outcomes, designs = labels.names(Outcome), labels.names(StudyDesign)
            self._english = [*outcomes.values(), *designs.values()]
        return self._english

    def outcome(self, slug):
        if self._outcomes is None:
            self._outcomes = labels.names(Outcome)
        return self._outcomes.get(slug, slug)

    def design(self, slug):
        if self._designs is None:
            self._designs = labels.names(StudyDesign)
        return self._designs.get(slug, slug)


def level_label(level):
    return str(RatingLevel(level).label)


def join(items):
    """'A', 'A and B', 'A, B and C' in the active language. Each item is named once: one
    evaluation cited for two outcomes, or two records of the same study, read as one name."""
    items = list(dict.fromkeys(str(item) for item in items))
    if len(items) < 2:
        return "".join(items)
    head = pgettext("list separator", ", ").join(items[:-1])
    return pgettext("list of items", "%(items)s and %(last)s") % {"items": head, "last": items[-1]}


def _size(count):
    if count is None:
        return _("sample size not reported")
    return ngettext("%(count)s participant", "%(count)s participants", count) % {"count": count}


def cite(evaluation, names):
    """'Beier et al. 2015 (Randomised controlled trial, 120 participants, 12-month follow-up)'."""
    facts = {
        "label": evaluation["label"],
        "design": names.design(evaluation["design"]),
        "size": _size(evaluation.get("participants")),
    }
    months = evaluation.get("follow_up")
    if not months:
        return pgettext("evaluation", "%(label)s (%(design)s, %(size)s)") % facts
    follow_up = ngettext("%(count)s-month follow-up", "%(count)s-month follow-up", months)
    facts["follow_up"] = follow_up % {"count": months}
    return pgettext("evaluation", "%(label)s (%(design)s, %(size)s, %(follow_up)s)") % facts


def _cites(record, names):
    return join(cite(e, names) for e in record["evaluations"])


def _outcomes(record, names):
    return join(names.outcome(slug) for slug in record["outcomes"])


# --- What the evaluations found (one sentence per group) --------------------------------------


def _found(message):
    """``message(count)``: the counted sentence, an ``ngettext`` call (so it is extracted)."""

    def word(record, names):
        count = len(record["evaluations"])
        return message(count) % {
            "count": count,
            "outcome": names.outcome(record["outcome"]),
            "evaluations": _cites(record, names),
        }

    return word


def _fixed(message):
    return lambda record, names: message()


def _with_outcome(message):
    return lambda record, names: message() % {"outcome": names.outcome(record["outcome"])}


def _with_months(message):
    def word(record, names):
        months = record["months"]
        return message(months) % {"count": months}

    return word


def _step_down(record, names):
    facts = {"positive": record["positive"], "no_effect": record["no_effect"]}
    if record["earned"] == "well_supported":
        return (
            _(
                "The sound evaluations disagree (%(positive)s positive, %(no_effect)s no effect), "
                "so the rating is one step below the Well supported rating that the positive "
                "results alone would earn."
            )
            % facts
        )
    return (
        _(
            "The sound evaluations disagree (%(positive)s positive, %(no_effect)s no effect), so "
            "the rating is one step below the Supported rating that the positive results alone "
            "would earn."
        )
        % facts
    )


def _harm_signal(kind):
    def word(record, names):
        facts = {
            "evaluation": cite(record["evaluation"], names),
            "outcome": names.outcome(record["outcome"]),
        }
        if kind == "unreported":
            message = _(
                "Possible harm signal: %(evaluation)s reported a harmful effect on %(outcome)s "
                "without saying whether it was statistically significant."
            )
        elif kind == "not_significant":
            message = _(
                "Possible harm signal: %(evaluation)s reported a harmful direction of effect on "
                "%(outcome)s that was not statistically significant."
            )
        else:
            message = _(
                "Possible harm: %(evaluation)s found a significant harmful effect on %(outcome)s. "
                "Its design cannot show that the programme caused this, so it does not set the "
                "rating to Harmful, but it should be taken seriously."
            )
        return message % facts

    return word


def _named(evaluation, names):
    """'Beier et al. 2015 (Randomised controlled trial)'."""
    facts = {"label": evaluation["label"], "design": names.design(evaluation["design"])}
    return pgettext("evaluation", "%(label)s (%(design)s)") % facts


def _downgraded(evaluation, why, minimum, worded):
    """Why a strong or moderate design counts as weaker; ``worded`` names the evaluation."""
    if why == "sample_unreported":
        message = _(
            "%(evaluation)s is treated as a weaker design because its sample size was not reported."
        )
    elif why == "significance_unreported":
        message = _(
            "%(evaluation)s is treated as a weaker design because it did not report whether "
            "this effect was statistically significant."
        )
    else:  # "sample_too_small"
        count = evaluation.get("participants") or 0
        return ngettext(
            "%(evaluation)s is treated as a weaker design because it had only %(count)s "
            "participant, fewer than %(minimum)s.",
            "%(evaluation)s is treated as a weaker design because it had only %(count)s "
            "participants, fewer than %(minimum)s.",
            count,
        ) % {"evaluation": worded, "count": count, "minimum": minimum}
    return message % {"evaluation": worded}


def _downgrade_note(record, names):
    evaluation = record["evaluation"]
    worded = _named(evaluation, names)
    return _downgraded(evaluation, record["why"], record["minimum"], worded)


def _descriptive(record, names):
    return _(
        "%(evaluation)s is descriptive: it helps explain how the programme works but does not "
        "count towards the rating."
    ) % {"evaluation": _named(record["evaluation"], names)}


def _independent(record, names):
    return _(
        "At least one supporting evaluation (%(evaluations)s) was independent of the "
        "programme's developer."
    ) % {"evaluations": join(e["label"] for e in record["evaluations"])}


def _headline(record, names):
    outcomes = _outcomes(record, names)
    message = {
        "well_supported": lambda: _("Well supported for %(outcomes)s."),
        "supported": lambda: _("Supported for %(outcomes)s."),
        "promising": lambda: _("Promising for %(outcomes)s."),
        "no_effect": lambda: _("No effect for %(outcomes)s."),
        "insufficient": lambda: _("Insufficient evidence for %(outcomes)s."),
    }[record["level"]]
    return message() % {"outcomes": outcomes}


def _outcomes_rated(record, names):
    count = record["count"]
    return ngettext(
        "%(count)s outcome was rated; see each outcome for the reasons.",
        "%(count)s outcomes were rated; see each outcome for the reasons.",
        count,
    ) % {"count": count}


def _legacy(record, names):
    return Legacy(record["text"])


_SENTENCES: dict[str, Callable] = {
    "sound_harm": _found(
        lambda n: ngettext(
            "%(count)s sound evaluation found a significant harmful effect on %(outcome)s: "
            "%(evaluations)s.",
            "%(count)s sound evaluations found a significant harmful effect on %(outcome)s: "
            "%(evaluations)s.",
            n,
        )
    ),
    "sound_positive": _found(
        lambda n: ngettext(
            "%(count)s sound evaluation found a significant positive effect on %(outcome)s: "
            "%(evaluations)s.",
            "%(count)s sound evaluations found a significant positive effect on %(outcome)s: "
            "%(evaluations)s.",
            n,
        )
    ),
    "sound_no_effect": _found(
        lambda n: ngettext(
            "%(count)s sound evaluation found no significant effect on %(outcome)s: "
            "%(evaluations)s.",
            "%(count)s sound evaluations found no significant effect on %(outcome)s: "
            "%(evaluations)s.",
            n,
        )
    ),
    "weaker_positive": _found(
        lambda n: ngettext(
            "%(count)s weaker evaluation found a positive effect on %(outcome)s: %(evaluations)s.",
            "%(count)s weaker evaluations found a positive effect on %(outcome)s: %(evaluations)s.",
            n,
        )
    ),
    "weaker_no_clear_effect": _found(
        lambda n: ngettext(
            "%(count)s weaker evaluation found no clear effect on %(outcome)s: %(evaluations)s.",
            "%(count)s weaker evaluations found no clear effect on %(outcome)s: %(evaluations)s.",
            n,
        )
    ),
    "rule_harmful": _fixed(
        lambda: _(
            "A sound evaluation finding harm makes the rating Harmful, whatever else was found."
        )
    ),
    "rule_disagree_mostly_no_effect": _fixed(
        lambda: _("The sound evaluations disagree, and most found no effect.")
    ),
    "rule_disagree_step_down": _step_down,
    "rule_weaker_outweighed": _fixed(
        lambda: _(
            "Positive results from weaker designs do not outweigh a sound finding of no effect."
        )
    ),
    "rule_no_sound_positive": _fixed(lambda: _("No sound evaluation found a positive effect.")),
    "rule_no_evaluation": _with_outcome(
        lambda: _("No published evaluation reports results on %(outcome)s.")
    ),
    "rule_descriptive_only": _with_outcome(
        lambda: _(
            "Only qualitative or process evaluations report on %(outcome)s; they cannot show "
            "whether the programme caused a change."
        )
    ),
    "rule_nothing_sound": _with_outcome(
        lambda: _(
            "No sound evaluation has measured %(outcome)s, and no weaker design found a positive "
            "effect."
        )
    ),
    "rule_well_supported": _with_months(
        lambda n: ngettext(
            "This meets every condition for Well supported, including a positive effect still "
            "found %(count)s month or more later.",
            "This meets every condition for Well supported, including a positive effect still "
            "found %(count)s months or more later.",
            n,
        )
    ),
    "rule_not_lasting": _with_months(
        lambda n: ngettext(
            "It is not Well supported because no positive result lasted %(count)s month or more.",
            "It is not Well supported because no positive result lasted %(count)s months or more.",
            n,
        )
    ),
    "rule_needs_strong_design": _fixed(
        lambda: _(
            "Well supported would also need a randomised controlled trial or systematic review."
        )
    ),
    "rule_needs_second_sound": _fixed(
        lambda: _("Well supported would need a second sound evaluation with a positive effect.")
    ),
    "rule_needs_strong_or_second": _fixed(
        lambda: _("Supported would need a strong design or a second sound evaluation.")
    ),
    "rule_weaker_only": _fixed(
        lambda: _(
            "The positive results come only from weaker designs, so they are not yet conclusive."
        )
    ),
    "harm_signal_unreported": _harm_signal("unreported"),
    "harm_signal_not_significant": _harm_signal("not_significant"),
    "harm_from_weaker_design": _harm_signal("weaker_design"),
    "no_sound_harm": _fixed(lambda: _("No sound evaluation found harm.")),
    "downgraded": _downgrade_note,
    "descriptive": _descriptive,
    "independent": _independent,
    "not_independent": _fixed(
        lambda: _(
            "None of the supporting evaluations is reported as independent of the programme's "
            "developer."
        )
    ),
    "headline": _headline,
    "headline_harmful": lambda record, names: (
        _(
            "Harmful: at least one sound evaluation found a significant harmful effect on "
            "%(outcomes)s. This warning always comes first, whatever other outcomes show."
        )
        % {"outcomes": _outcomes(record, names)}
    ),
    "harm_signals_reported": lambda record, names: (
        _("Possible harm signals were reported for %(outcomes)s.")
        % {"outcomes": _outcomes(record, names)}
    ),
    "outcomes_rated": _outcomes_rated,
    "programme_no_evaluations": _fixed(
        lambda: _("Insufficient evidence: this programme has no published evaluations.")
    ),
    "programme_no_outcomes": _fixed(
        lambda: _(
            "Insufficient evidence: the published evaluations do not report results on any outcome."
        )
    ),
    "legacy": _legacy,
}


def _data(record):
    return record.as_data() if hasattr(record, "as_data") else record


def sentence(record, names=None):
    """One stored or computed sentence record, worded in the active language."""
    record = _data(record)
    return _SENTENCES[record["code"]](record, names or Names())


def sentences(records: Iterable, names=None):
    """Each sentence of an explanation, worded (``Legacy`` for old English text)."""
    names = names or Names()
    if isinstance(records, str):  # text stored before explanations were structured
        return [Legacy(records)] if records else []
    return [sentence(record, names) for record in records]


def mid_sentence(name):
    """An English name as it reads inside a sentence: words lower-cased, except acronyms (all
    capitals) and whatever is in parentheses. 'Child sexual abuse material (CSAM) viewing' ->
    'child sexual abuse material (CSAM) viewing'."""
    words, depth = [], 0
    for word in re.split(r"(\s+)", name):
        opening = depth + word.count("(")
        if not (opening or depth) and not (word.isupper() and len(word) > 1):
            word = word.lower()
        depth = max(0, opening - word.count(")"))
        words.append(word)
    return "".join(words)


def _repaired(text, names):
    """Old English change reasons lower-cased outcome and design names whole ('(csam)'): put
    back the capitals those names should keep."""
    for name in sorted(names.english(), key=len, reverse=True):
        blind, proper = name.lower(), mid_sentence(name)
        if blind != proper:
            text = re.sub(rf"(?<!\w){re.escape(blind)}(?!\w)", proper, text)
    return text


def is_legacy(records):
    return any(isinstance(s, Legacy) for s in records)


def text(records, names=None):
    """An explanation as one paragraph of plain text (the API, exports)."""
    return " ".join(sentences(records, names))


def outcome_sentences(level, records, names=None):
    """An outcome's explanation, led by its level: 'Supported: …'. Old English text already
    starts with its level."""
    worded = sentences(records, names)
    if not worded or is_legacy(worded):
        return worded
    first = pgettext("rating explanation", "%(level)s: %(sentence)s") % {
        "level": level_label(level),
        "sentence": worded[0],
    }
    return [first, *worded[1:]]


def outcome_text(level, records, names=None):
    return " ".join(outcome_sentences(level, records, names))


# --- Per-evaluation reasons -------------------------------------------------------------------


def _result(record, names):
    evaluation = record["evaluation"]
    facts = {"evaluation": cite(evaluation, names)}
    sound, result = record["sound"], record["result"]
    if result == "descriptive":
        first = _("%(evaluation)s: descriptive study, not counted.")
    elif result == "positive" and sound:
        first = _("%(evaluation)s: significant positive effect, from a sound design.")
    elif result == "positive":
        first = _("%(evaluation)s: positive effect, from a weaker design.")
    elif result == "no_effect" and sound:
        first = _("%(evaluation)s: no significant effect, from a sound design.")
    elif result == "no_effect":
        first = _("%(evaluation)s: no clear effect, from a weaker design.")
    elif sound:
        first = _("%(evaluation)s: significant harmful effect, from a sound design.")
    else:
        first = _("%(evaluation)s: significant harmful effect, from a weaker design.")
    worded = [first % facts]
    if record.get("downgrade"):
        why, minimum = record["downgrade"], record.get("minimum")
        worded.append(_downgraded(evaluation, why, minimum, evaluation["label"]))
    if record.get("harm_signal"):
        worded.append(_("This is a possible harm signal; it does not set the rating to Harmful."))
    return " ".join(worded)


def reason(record, names=None):
    """One reason of an outcome's rating: the rule that decided, or what one evaluation found
    and how much it counts."""
    record = _data(record)
    names = names or Names()
    if isinstance(record, str):
        return Legacy(record)
    if record["code"] == "result":
        return _result(record, names)
    return sentence(record, names)


def reasons(records, names=None):
    names = names or Names()
    return [reason(record, names) for record in records]


# --- Why a rating changed (the rating history) ------------------------------------------------


def _event(title, event):
    facts = {"title": title}
    if event == "unpublished":
        return _("The evaluation “%(title)s” was unpublished.") % facts
    if event == "moved":
        return _("The evaluation “%(title)s” was moved to or from this programme.") % facts
    if event == "deleted":
        return _("The evaluation “%(title)s” was deleted.") % facts
    return _("The evaluation “%(title)s” was published.") % facts


def _findings(findings, names):
    worded = []
    for direction, message in (
        ("positive", lambda: _("It found a positive effect on %(outcomes)s.")),
        ("none", lambda: _("It found no effect on %(outcomes)s.")),
        ("harmful", lambda: _("It found a harmful effect on %(outcomes)s.")),
    ):
        if slugs := findings.get(direction):
            outcomes = join(sorted((names.outcome(slug) for slug in slugs), key=str.casefold))
            worded.append(message() % {"outcomes": outcomes})
    return worded


def change_reason(change, names=None):
    """Why a rating changed, as sentences in the active language (``Legacy`` for the English
    reasons recorded before reasons were structured)."""
    names = names or Names()
    if change.legacy_reason:
        return [Legacy(_repaired(change.legacy_reason, names))]
    reason = change.reason or {}
    if reason.get("code") != "evaluation":
        return [_("Ratings recomputed from the published evaluations.")]
    worded = [_event(reason["evaluation"]["title"], reason.get("event"))]
    if reason.get("design"):
        worded.append(_("Its design: %(design)s.") % {"design": names.design(reason["design"])})
    return worded + _findings(reason.get("findings") or {}, names)
