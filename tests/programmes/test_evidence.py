"""Table-driven tests for the evidence rubric (pure Python, no Django, no database).

The rubric decides levels and which sentences explain them, as data; how they read is tested
in ``test_explanations``."""

import json

import pytest

from programmes.evidence import (
    RUBRIC_VERSION,
    Direction,
    EvaluationEvidence,
    Finding,
    Level,
    Sentence,
    Tier,
    rate_outcome,
    rate_programme,
    rubric,
    rubric_notes,
)

POS, NONE, HARM = Direction.POSITIVE, Direction.NONE, Direction.HARMFUL
DESIGNS = {  # study design slugs
    Tier.STRONG: "rct",
    Tier.MODERATE: "quasi-experiment",
    Tier.WEAK: "before-after",
    Tier.DESCRIPTIVE: "qualitative",
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
        design=DESIGNS[tier],
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
    assert rating.explanation and all(isinstance(s, Sentence) for s in rating.explanation)
    assert rating.reasons, "every rating needs at least one reason"
    # Stored as JSON: nothing but codes and facts.
    json.dumps([s.as_data() for s in (*rating.explanation, *rating.reasons)])


# --- Which sentences explain it, with which facts ---------------------------------------------


def codes(sentences):
    return [s.code for s in sentences]


def test_a_supported_outcome_is_explained_by_codes_and_facts():
    rating = knowledge(rct("Smith 2020", n=120, follow_up=6))
    assert [s.as_data() for s in rating.explanation] == [
        {
            "code": "sound_positive",
            "outcome": "knowledge",
            "evaluations": [
                {
                    "key": "smith-2020",
                    "label": "Smith 2020",
                    "design": "rct",
                    "participants": 120,
                    "follow_up": 6,
                }
            ],
        },
        {"code": "rule_needs_second_sound"},
        {"code": "no_sound_harm"},
        {"code": "not_independent"},
    ]
    assert codes(rating.reasons) == ["rule_needs_second_sound", "result"]
    assert rating.reasons[1].params | {"evaluation": None} == {
        "evaluation": None,
        "result": "positive",
        "sound": True,
        "downgrade": None,
        "minimum": 20,
        "harm_signal": False,
    }


@pytest.mark.parametrize(
    ("evaluations", "rule", "facts"),
    [
        pytest.param((), "rule_no_evaluation", {"outcome": "knowledge"}, id="none"),
        pytest.param(
            (qual("Ode 2021"),), "rule_descriptive_only", {"outcome": "knowledge"}, id="qualitative"
        ),
        pytest.param(
            (rct("Smith 2020"), rct("Jones 2021", NULL)),
            "rule_disagree_mostly_no_effect",
            {},
            id="conflict-equal",
        ),
        pytest.param(
            (rct("Smith 2020", follow_up=12), rct("Jones 2021"), qe("Kim 2018", NULL)),
            "rule_disagree_step_down",
            {"positive": 2, "no_effect": 1, "earned": "well_supported"},
            id="conflict-step-down",
        ),
        pytest.param(
            (rct("Smith 2020"), rct("Jones 2021", follow_up=6)),
            "rule_not_lasting",
            {"months": 12},
            id="short-follow-up",
        ),
        pytest.param((rct("Smith 2020", HARMED),), "rule_harmful", {}, id="harmful"),
    ],
)
def test_the_rule_that_decided_comes_first_among_the_reasons(evaluations, rule, facts):
    rating = knowledge(*evaluations)
    assert rating.reasons[0] == Sentence(rule, facts)
    assert Sentence(rule, facts) in rating.explanation


@pytest.mark.parametrize(
    ("evaluation", "why"),
    [
        pytest.param(rct("Tiny 2020", n=12), "sample_too_small", id="under-20"),
        pytest.param(rct("Vague 2020", n=None), "sample_unreported", id="n-unreported"),
        pytest.param(rct("Smith 2020", finding(POS, None)), "significance_unreported", id="sig"),
    ],
)
def test_a_downgraded_design_says_why(evaluation, why):
    rating = knowledge(evaluation)
    [note] = [s for s in rating.explanation if s.code == "downgraded"]
    assert (note.params["why"], note.params["minimum"]) == (why, 20)
    assert note.params["evaluation"]["label"] == evaluation.label
    assert rating.reasons[1].params["downgrade"] == why


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
            "Supported: 1 sound evaluation found a significant positive effect on knowledge",
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
def test_rate_outcome_explanation_names_what_it_needs(evaluations, phrases):
    """The same cases as the worded ones in ``test_explanations``: every evaluation label and
    outcome the words will need is in the sentences' facts."""
    data = json.dumps([s.as_data() for s in knowledge(*evaluations).explanation])
    for label in ("Smith 2020", "Jones 2021", "Ode 2021", "Lee 2019", "Tiny 2020"):
        if any(label in phrase for phrase in phrases):
            assert label in data


@pytest.mark.parametrize(
    ("evaluations", "phrase"),
    [
        pytest.param((weak("Lee 2019", HARMED),), "Lee 2019", id="weak-harm"),
        pytest.param((rct("Smith 2020", finding(HARM, False)),), "Smith 2020", id="non-sig-harm"),
    ],
)
def test_harm_signals_are_listed_in_reasons(evaluations, phrase):
    reasons = knowledge(*evaluations).reasons
    assert any(
        r.code == "result" and r.params["harm_signal"] and r.params["evaluation"]["label"] == phrase
        for r in reasons
    )


def test_rate_outcome_ignores_other_outcomes_and_lists_keys():
    rating = knowledge(rct("Smith 2020"), rct("Jones 2021", finding(outcome="attitudes")))
    assert rating.level is Level.SUPPORTED
    assert rating.evaluation_keys == ("smith-2020",)
    assert "Jones 2021" not in json.dumps([s.as_data() for s in rating.explanation])


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
        "2 outcomes were rated",
        id="counts-outcomes",
    ),
]


@pytest.mark.parametrize(("evaluations", "level", "phrase"), PROGRAMME_CASES)
def test_rate_programme_headline(evaluations, level, phrase):
    rating = rate_programme(evaluations)
    assert rating.level is level
    assert rating.explanation[0].code in HEADLINE_CODES
    assert rating.explanation[-1].code in ("outcomes_rated", *HEADLINE_CODES[:2])
    assert rating.version == RUBRIC_VERSION == "1.0"


HEADLINE_CODES = (
    "programme_no_evaluations",
    "programme_no_outcomes",
    "headline_harmful",
    "headline",
)


def test_the_headline_names_the_strongest_outcomes_and_counts_them():
    rating = rate_programme(
        (rct("Smith 2020", finding(), finding(outcome="attitudes"), independent=True),)
    )
    assert [s.as_data() for s in rating.explanation] == [
        {"code": "headline", "level": "supported", "outcomes": ["attitudes", "knowledge"]},
        {
            "code": "independent",
            "evaluations": [
                {
                    "key": "smith-2020",
                    "label": "Smith 2020",
                    "design": "rct",
                    "participants": 100,
                    "follow_up": None,
                }
            ],
        },
        {"code": "outcomes_rated", "count": 2},
    ]


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
    ("level", "rank"),
    [
        (Level.WELL_SUPPORTED, 5),
        (Level.SUPPORTED, 4),
        (Level.PROMISING, 3),
        (Level.NO_EFFECT, 2),
        (Level.INSUFFICIENT, 1),
        (Level.HARMFUL, 0),
    ],
    ids=lambda v: str(v) if isinstance(v, Level) else None,
)
def test_level_rank(level, rank):
    assert level.rank == rank


def test_rubric_lists_all_six_levels_with_criteria():
    definitions = rubric()
    assert [d.level for d in definitions] == list(Level)
    for d in definitions:
        assert d.criteria and all(isinstance(code, str) for code in d.criteria)
    assert len(set(rubric_notes())) == len(rubric_notes()) == 7


def test_unclear_harm_on_a_sound_design_is_a_signal_not_no_effect():
    unclear_harm = qe("Mews 2017", finding(HARM, None))
    rating = knowledge(unclear_harm)
    assert rating.level is Level.INSUFFICIENT
    assert rating.harm_signal is True
    programme = rate_programme([unclear_harm])
    assert [o.outcome for o in programme.harm_signals] == ["knowledge"]
    assert programme.harmful_outcomes == ()
