"""Table-driven tests for the evidence rubric (pure Python, no Django, no database)."""

import pytest

from programmes.evidence import (
    RUBRIC_VERSION,
    Direction,
    EvaluationEvidence,
    Finding,
    Level,
    Tier,
    rate_outcome,
    rate_programme,
    rubric,
    rubric_notes,
    what_a_rating_means,
)

POS, NONE, HARM = Direction.POSITIVE, Direction.NONE, Direction.HARMFUL
DESIGNS = {
    Tier.STRONG: "randomised controlled trial",
    Tier.MODERATE: "quasi-experiment",
    Tier.WEAK: "before-and-after study",
    Tier.DESCRIPTIVE: "qualitative study",
}
NAMES = {"knowledge": "knowledge", "attitudes": "attitudes", "help": "help-seeking"}


def finding(direction=POS, significant=True, outcome="knowledge"):
    return Finding(outcome, NAMES[outcome], direction, significant)


def evaluation(name, tier, *findings, n=100, follow_up=None, independent=None):
    """`name` doubles as key and label, e.g. "Smith 2020"; default: one significant positive."""
    return EvaluationEvidence(
        key=name.lower().replace(" ", "-"),
        label=name,
        tier=tier,
        design_name=DESIGNS[tier],
        findings=findings or (finding(),),
        sample_size=n,
        follow_up_months=follow_up,
        independent=independent,
    )


def rct(name, *findings, **kw):
    return evaluation(name, Tier.STRONG, *findings, **kw)


def qe(name, *findings, **kw):
    return evaluation(name, Tier.MODERATE, *findings, **kw)


def weak(name, *findings, **kw):
    return evaluation(name, Tier.WEAK, *findings, **kw)


def qual(name, *findings, **kw):
    return evaluation(name, Tier.DESCRIPTIVE, *findings, **kw)


NULL = finding(NONE, False)
HARMED = finding(HARM, True)


def knowledge(*evaluations):
    return rate_outcome("knowledge", "knowledge", evaluations)


# --- Every level, and the edge cases that decide between them ------------------------------

LEVEL_CASES = [
    pytest.param((), Level.INSUFFICIENT, id="insufficient-no-evaluations"),
    pytest.param((qual("Ode 2021"),), Level.INSUFFICIENT, id="insufficient-only-qualitative"),
    pytest.param((weak("Lee 2019", NULL),), Level.INSUFFICIENT, id="insufficient-only-weak-null"),
    pytest.param(
        (rct("Smith 2020", finding(outcome="attitudes")),),
        Level.INSUFFICIENT,
        id="insufficient-findings-on-other-outcomes-ignored",
    ),
    pytest.param(
        (rct("Smith 2020", follow_up=12), rct("Jones 2021")),
        Level.WELL_SUPPORTED,
        id="well-supported-two-rcts-one-12-month",
    ),
    pytest.param(
        (rct("Smith 2020"), qe("Jones 2021", follow_up=24)),
        Level.WELL_SUPPORTED,
        id="well-supported-rct-plus-qe-with-follow-up",
    ),
    pytest.param((rct("Smith 2020"),), Level.SUPPORTED, id="supported-one-rct"),
    pytest.param((qe("Kim 2018"), qe("Roy 2019")), Level.SUPPORTED, id="supported-two-qes"),
    pytest.param(
        (rct("Smith 2020", follow_up=11), rct("Jones 2021", follow_up=6)),
        Level.SUPPORTED,
        id="supported-follow-up-under-12-months",
    ),
    pytest.param(
        (qe("Kim 2018", follow_up=24), qe("Roy 2019", follow_up=24)),
        Level.SUPPORTED,
        id="supported-two-qes-long-follow-up-but-no-strong-design",
    ),
    pytest.param((qe("Kim 2018"),), Level.PROMISING, id="promising-one-qe"),
    pytest.param((weak("Lee 2019"),), Level.PROMISING, id="promising-weak-positive"),
    pytest.param(
        (weak("Lee 2019", finding(POS, None)),),
        Level.PROMISING,
        id="promising-weak-positive-significance-unreported",
    ),
    pytest.param((rct("Tiny 2020", n=12),), Level.PROMISING, id="promising-rct-under-20"),
    pytest.param((rct("Vague 2020", n=None),), Level.PROMISING, id="promising-rct-n-unreported"),
    pytest.param(
        (rct("Tiny 2020", n=19), rct("Tiny 2021", n=19, follow_up=12)),
        Level.PROMISING,
        id="promising-two-small-rcts-not-sound",
    ),
    pytest.param((rct("Smith 2020", NULL),), Level.NO_EFFECT, id="no-effect-rct-null"),
    pytest.param(
        (rct("Smith 2020", finding(POS, False)),),
        Level.NO_EFFECT,
        id="no-effect-rct-positive-not-significant",
    ),
    pytest.param(
        (rct("Smith 2020", finding(POS, None)),),
        Level.PROMISING,
        id="promising-rct-positive-significance-unreported-is-unclear",
    ),
    pytest.param(
        (weak("Lee 2019"), qe("Kim 2018", NULL)),
        Level.NO_EFFECT,
        id="no-effect-sound-null-outweighs-weak-positive",
    ),
    pytest.param(
        (rct("Smith 2020"), rct("Jones 2021", NULL)),
        Level.NO_EFFECT,
        id="conflict-n-equals-p-no-effect",
    ),
    pytest.param(
        (rct("Smith 2020", follow_up=12), rct("Jones 2021"), qe("Kim 2018", NULL)),
        Level.SUPPORTED,
        id="conflict-n-below-p-well-supported-drops-to-supported",
    ),
    pytest.param(
        (qe("Kim 2018"), qe("Roy 2019"), qe("Ash 2017", NULL)),
        Level.PROMISING,
        id="conflict-n-below-p-supported-drops-to-promising",
    ),
    pytest.param((rct("Smith 2020", HARMED),), Level.HARMFUL, id="harmful-rct"),
    pytest.param(
        (rct("Smith 2020", follow_up=12), rct("Jones 2021"), qe("Kim 2018", HARMED)),
        Level.HARMFUL,
        id="harmful-next-to-well-supported-positives",
    ),
    pytest.param(
        (rct("Smith 2020", finding(HARM, False)),),
        Level.NO_EFFECT,
        id="non-significant-harm-counts-as-null",
    ),
    pytest.param((weak("Lee 2019", HARMED),), Level.INSUFFICIENT, id="weak-harm-not-harmful"),
    pytest.param(
        (weak("Lee 2019", HARMED), rct("Smith 2020")),
        Level.SUPPORTED,
        id="weak-harm-does-not-override-rct",
    ),
    pytest.param(
        (rct("Tiny 2020", HARMED, n=10),),
        Level.INSUFFICIENT,
        id="harm-from-small-rct-not-harmful",
    ),
    pytest.param(
        (rct("Smith 2020", NULL, HARMED),),
        Level.HARMFUL,
        id="same-outcome-twice-harm-counts-first",
    ),
]


@pytest.mark.parametrize(("evaluations", "expected"), LEVEL_CASES)
def test_rate_outcome_level(evaluations, expected):
    rating = knowledge(*evaluations)
    assert rating.level is expected
    assert rating.explanation.startswith(f"{expected.label}: ")
    assert rating.reasons, "every rating needs at least one reason"


# --- What the explanation says ---------------------------------------------------------------

PHRASE_CASES = [
    pytest.param((), ["No published evaluation reports results on knowledge"], id="none"),
    pytest.param(
        (qual("Ode 2021"),),
        ["Only qualitative or process evaluations", "Ode 2021 (qualitative study", "descriptive"],
        id="only-qualitative",
    ),
    pytest.param(
        (rct("Smith 2020", n=120),),
        [
            "Supported: One sound evaluation found a significant positive effect on knowledge",
            "Smith 2020 (randomised controlled trial, 120 participants)",
            "No sound evaluation found harm.",
        ],
        id="supported-names-label-design-and-size",
    ),
    pytest.param(
        (rct("Tiny 2020", n=12),),
        [
            "Tiny 2020",
            "treated as a weaker design because it had only 12 participants, fewer than 20",
        ],
        id="rct-under-20-downgraded",
    ),
    pytest.param(
        (rct("Vague 2020", n=None),),
        [
            "sample size not reported",
            "treated as a weaker design because its sample size was not reported",
        ],
        id="rct-n-unreported-downgraded",
    ),
    pytest.param(
        (rct("Smith 2020"), rct("Jones 2021", NULL)),
        ["The sound evaluations disagree, and most found no effect.", "Smith 2020", "Jones 2021"],
        id="conflict-equal",
    ),
    pytest.param(
        (rct("Smith 2020", follow_up=12), rct("Jones 2021"), qe("Kim 2018", NULL)),
        ["disagree (2 positive, 1 no effect)", "one step below the Well supported rating"],
        id="conflict-step-down",
    ),
    pytest.param(
        (rct("Smith 2020"), rct("Jones 2021", follow_up=6)),
        ["no positive result lasted 12 months or more"],
        id="short-follow-up",
    ),
    pytest.param(
        (rct("Smith 2020", HARMED), rct("Jones 2021")),
        ["found a significant harmful effect on knowledge: Smith 2020", "whatever else was found"],
        id="harmful",
    ),
    pytest.param(
        (rct("Smith 2020", finding(HARM, False)),),
        ["Possible harm signal: Smith 2020", "not statistically significant"],
        id="non-significant-harm-mentioned",
    ),
    pytest.param(
        (weak("Lee 2019", HARMED), rct("Smith 2020")),
        ["Possible harm: Lee 2019", "does not set the rating to Harmful"],
        id="weak-harm-mentioned",
    ),
    pytest.param(
        (rct("Smith 2020", independent=True),),
        ["At least one supporting evaluation (Smith 2020) was independent"],
        id="independent",
    ),
    pytest.param(
        (rct("Smith 2020", independent=False),),
        ["None of the supporting evaluations is reported as independent"],
        id="not-independent",
    ),
]


@pytest.mark.parametrize(("evaluations", "phrases"), PHRASE_CASES)
def test_rate_outcome_explanation(evaluations, phrases):
    explanation = knowledge(*evaluations).explanation
    for phrase in phrases:
        assert phrase in explanation


@pytest.mark.parametrize(
    ("evaluations", "phrase"),
    [
        pytest.param((weak("Lee 2019", HARMED),), "Lee 2019", id="weak-harm"),
        pytest.param((rct("Smith 2020", finding(HARM, False)),), "Smith 2020", id="non-sig-harm"),
    ],
)
def test_harm_signals_are_listed_in_reasons(evaluations, phrase):
    reasons = knowledge(*evaluations).reasons
    assert any(phrase in r and "possible harm signal" in r for r in reasons)


def test_rate_outcome_ignores_other_outcomes_and_lists_keys():
    rating = knowledge(rct("Smith 2020"), rct("Jones 2021", finding(outcome="attitudes")))
    assert rating.level is Level.SUPPORTED
    assert rating.evaluation_keys == ("smith-2020",)
    assert "Jones 2021" not in rating.explanation


# --- Programme headline ----------------------------------------------------------------------

PROGRAMME_CASES = [
    pytest.param((), Level.INSUFFICIENT, "no published evaluations", id="no-evaluations"),
    pytest.param(
        (EvaluationEvidence("x", "Xu 2020", Tier.STRONG, "randomised controlled trial", ()),),
        Level.INSUFFICIENT,
        "do not report results on any outcome",
        id="no-outcomes",
    ),
    pytest.param(
        (rct("Smith 2020"), weak("Lee 2019", finding(outcome="attitudes"))),
        Level.SUPPORTED,
        "Supported for knowledge.",
        id="strongest-outcome-wins",
    ),
    pytest.param(
        (qe("Kim 2018", finding(outcome="help")), rct("Smith 2020", NULL)),
        Level.PROMISING,
        "Promising for help-seeking.",
        id="promising-beats-no-effect",
    ),
    pytest.param(
        (
            rct("Smith 2020", finding(), finding(outcome="attitudes"), follow_up=12),
            rct("Jones 2021", finding(), finding(HARM, True, "attitudes")),
        ),
        Level.HARMFUL,
        "significant harmful effect on attitudes",
        id="harm-beats-well-supported",
    ),
    pytest.param(
        (rct("Smith 2020"), weak("Lee 2019", finding(HARM, True, "help"))),
        Level.SUPPORTED,
        "Possible harm signals were reported for help-seeking.",
        id="weak-harm-signal-in-headline",
    ),
    pytest.param(
        (rct("Smith 2020", independent=True),),
        Level.SUPPORTED,
        "(Smith 2020) was independent of the programme's developer",
        id="independence-mentioned",
    ),
    pytest.param(
        (rct("Smith 2020", finding(), finding(outcome="attitudes")),),
        Level.SUPPORTED,
        "Two outcomes were rated",
        id="counts-outcomes",
    ),
]


@pytest.mark.parametrize(("evaluations", "level", "phrase"), PROGRAMME_CASES)
def test_rate_programme_headline(evaluations, level, phrase):
    rating = rate_programme(evaluations)
    assert rating.level is level
    assert phrase in rating.explanation
    assert rating.explanation.startswith(level.label)
    assert rating.version == RUBRIC_VERSION == "1.0"


def test_harmful_outcomes_always_listed_next_to_well_supported_outcome():
    rating = rate_programme(
        [
            rct("Smith 2020", finding(), finding(HARM, True, "attitudes"), follow_up=12),
            rct("Jones 2021", finding(), finding(outcome="attitudes")),
        ]
    )
    assert rating.level is Level.HARMFUL
    assert [o.outcome for o in rating.harmful_outcomes] == ["attitudes"]
    assert {o.outcome: o.level for o in rating.outcomes} == {
        "knowledge": Level.WELL_SUPPORTED,
        "attitudes": Level.HARMFUL,
    }


def test_outcomes_sorted_by_rank_then_name():
    rating = rate_programme(
        [
            weak("Lee 2019", finding(outcome="attitudes"), finding(outcome="help")),
            rct("Smith 2020", finding(NONE, False, "knowledge")),
            rct("Jones 2021", finding(outcome="help")),
        ]
    )
    assert [(o.outcome_name, o.level) for o in rating.outcomes] == [
        ("help-seeking", Level.SUPPORTED),
        ("attitudes", Level.PROMISING),
        ("knowledge", Level.NO_EFFECT),
    ]
    assert rating.harmful_outcomes == ()


# --- Levels and the published rubric ----------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "label", "rank"),
    [
        (Level.WELL_SUPPORTED, "Well supported", 5),
        (Level.SUPPORTED, "Supported", 4),
        (Level.PROMISING, "Promising", 3),
        (Level.NO_EFFECT, "No effect", 2),
        (Level.INSUFFICIENT, "Insufficient evidence", 1),
        (Level.HARMFUL, "Harmful", 0),
    ],
    ids=lambda v: str(v) if isinstance(v, Level) else None,
)
def test_level_label_and_rank(level, label, rank):
    assert (level.label, level.rank) == (label, rank)


def test_rubric_lists_all_six_levels_with_criteria():
    definitions = rubric()
    assert [d.level for d in definitions] == list(Level)
    for d in definitions:
        assert d.label == d.level.label
        assert d.meaning and d.criteria


def test_rubric_notes_define_a_sound_evaluation():
    notes = " ".join(rubric_notes())
    for phrase in ("at least 20 participants", "comparison group", "statistically significant"):
        assert phrase in notes


def test_what_a_rating_means():
    text = what_a_rating_means()
    for phrase in ("causal evidence", "not an endorsement", "fits your setting", "costs"):
        assert phrase in text


def test_user_facing_text_uses_csam_terminology():
    texts = [what_a_rating_means(), *rubric_notes()]
    texts += [c for d in rubric() for c in (d.meaning, *d.criteria)]
    texts += [knowledge(rct("Smith 2020", HARMED)).explanation]
    assert not any("pornography" in t.lower() for t in texts)


def test_unreported_significance_on_a_sound_design_is_explained():
    rating = knowledge(rct("Smith 2020", finding(POS, None)))
    assert "did not report whether this effect was statistically significant" in rating.explanation


def test_unclear_harm_on_a_sound_design_is_a_signal_not_no_effect():
    unclear_harm = qe("Mews 2017", finding(HARM, None))
    rating = knowledge(unclear_harm)
    assert rating.level is Level.INSUFFICIENT
    assert rating.harm_signal is True
    programme = rate_programme([unclear_harm])
    assert [o.outcome for o in programme.harm_signals] == ["knowledge"]
    assert programme.harmful_outcomes == ()
