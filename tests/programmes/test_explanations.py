"""The rubric's sentences, worded when shown: English reads as the rubric means it, and every
sentence goes through the translation catalogue, so another language gets its own words.

No .po file has these translations yet, so the German tests put a few entries of their own in
front of the German catalogue (``german_words``, in conftest): a sentence not looked up by
exactly its msgid (or built from fragments) stays English and fails them."""

from django.utils import translation
from django.utils.translation import gettext

import pytest

from programmes import evidence, explanations, rubric_text
from programmes.models import RatingChange
from tests.programmes.test_evidence import (
    HARMED,
    PHRASE_CASES,
    PROGRAMME_CASES,
    finding,
    knowledge,
    rct,
    weak,
)

NAMES = explanations.Names(
    outcomes={"knowledge": "knowledge", "attitudes": "attitudes", "help": "help-seeking"},
    designs={
        "rct": "randomised controlled trial",
        "quasi-experiment": "quasi-experiment",
        "before-after": "before-and-after study",
        "qualitative": "qualitative study",
    },
)


def outcome_text(rating):
    return explanations.outcome_text(rating.level, rating.explanation, NAMES)


# --- English ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("evaluations", "phrases"), PHRASE_CASES)
def test_an_outcome_explanation_reads_in_english(evaluations, phrases):
    text = outcome_text(knowledge(*evaluations))
    for phrase in phrases:
        assert phrase in text


@pytest.mark.parametrize(("evaluations", "level", "phrase"), PROGRAMME_CASES)
def test_a_headline_reads_in_english(evaluations, level, phrase):
    text = explanations.text(evidence.rate_programme(evaluations).explanation, NAMES)
    assert phrase in text
    assert text.startswith(explanations.level_label(level.value))


def test_a_full_explanation_in_english():
    rating = knowledge(rct("Smith 2020", n=120, follow_up=6))
    assert outcome_text(rating) == (
        "Supported: 1 sound evaluation found a significant positive effect on knowledge: "
        "Smith 2020 (randomised controlled trial, 120 participants, 6-month follow-up). "
        "Well supported would need a second sound evaluation with a positive effect. "
        "No sound evaluation found harm. "
        "None of the supporting evaluations is reported as independent of the programme's "
        "developer."
    )
    assert explanations.reasons(rating.reasons, NAMES) == [
        "Well supported would need a second sound evaluation with a positive effect.",
        "Smith 2020 (randomised controlled trial, 120 participants, 6-month follow-up): "
        "significant positive effect, from a sound design.",
    ]


def test_counts_and_lists_read_naturally():
    rating = knowledge(rct("Smith 2020"), rct("Jones 2021"), rct("Kim 2018", n=1))
    text = outcome_text(rating)
    assert (
        "2 sound evaluations found a significant positive effect on knowledge: "
        "Smith 2020 (randomised controlled trial, 100 participants) and "
        "Jones 2021 (randomised controlled trial, 100 participants)."
    ) in text
    assert "1 weaker evaluation found a positive effect on knowledge: Kim 2018 (" in text
    assert "because it had only 1 participant, fewer than 20." in text


def test_a_reason_says_why_a_design_counts_less_and_flags_possible_harm():
    rating = knowledge(weak("Lee 2019", HARMED), rct("Tiny 2020", n=12))
    worded = explanations.reasons(rating.reasons, NAMES)
    assert any(
        r.startswith("Lee 2019 (before-and-after study")
        and "significant harmful effect, from a weaker design." in r
        and r.endswith("This is a possible harm signal; it does not set the rating to Harmful.")
        for r in worded
    )
    assert any(
        "Tiny 2020 is treated as a weaker design because it had only 12 participants" in r
        for r in worded
    )


def test_unreported_significance_on_a_sound_design_is_explained():
    text = outcome_text(knowledge(rct("Smith 2020", finding(evidence.Direction.POSITIVE, None))))
    assert "did not report whether this effect was statistically significant" in text


def test_old_english_text_is_shown_as_it_is_and_marked_english():
    stored = [explanations.legacy("Supported: One sound evaluation found it.")]
    [sentence] = explanations.outcome_sentences("supported", stored, NAMES)
    assert sentence == "Supported: One sound evaluation found it."
    assert sentence.lang == "en"


# --- The rubric page's wording ------------------------------------------------------------------


def test_every_criterion_and_note_of_the_rubric_is_worded():
    levels = rubric_text.levels()
    assert [level.level for level in levels] == list(evidence.Level)
    for level in levels:
        assert level.label and level.meaning and all(level.criteria)
    notes = " ".join(rubric_text.notes())
    for phrase in ("at least 20 participants", "comparison group", "statistically significant"):
        assert phrase in notes


def test_thresholds_in_the_wording_follow_the_rubric(monkeypatch):
    monkeypatch.setattr(evidence, "LONG_FOLLOW_UP_MONTHS", 1)
    assert "followed participants for 1 month or more." in rubric_text.criterion("one_lasting")


def test_what_a_rating_means():
    text = str(rubric_text.WHAT_A_RATING_MEANS)
    for phrase in ("causal evidence", "not an endorsement", "fits your setting", "costs"):
        assert phrase in text


def test_user_facing_text_uses_csam_terminology():
    texts = [str(rubric_text.WHAT_A_RATING_MEANS), *rubric_text.notes()]
    texts += [c for level in rubric_text.levels() for c in (level.meaning, *level.criteria)]
    texts += [outcome_text(knowledge(rct("Smith 2020", HARMED)))]
    assert not any("pornography" in t.lower() for t in texts)


# --- Another language ------------------------------------------------------------------------

GERMAN_NAMES = explanations.Names(
    outcomes={"knowledge": "Wissen", "attitudes": "Einstellungen"},
    designs={"rct": "randomisierte kontrollierte Studie", "quasi-experiment": "Quasi-Experiment"},
)


def test_an_outcome_explanation_is_worded_in_german(german_words):
    rating = knowledge(rct("Smith 2020", n=120))
    worded = explanations.outcome_text(rating.level, rating.explanation, GERMAN_NAMES)
    assert worded == (
        f"{gettext('Supported')} – 1 solide Evaluation fand eine signifikante positive Wirkung "
        "auf Wissen: Smith 2020 (randomisierte kontrollierte Studie; 120 Teilnehmende). "
        "Für „gut belegt“ bräuchte es eine zweite solide Evaluation mit positiver Wirkung. "
        "Keine solide Evaluation fand einen Schaden. "
        "Keine der stützenden Evaluationen gilt als unabhängig vom Entwickler."
    )


def test_plural_forms_come_from_the_catalogue(german_words):
    cite = {"design": "rct", "follow_up": None}
    found = {
        "code": "sound_positive",
        "outcome": "knowledge",
        "evaluations": [
            {**cite, "key": "a", "label": "Smith 2020", "participants": 1},
            {**cite, "key": "b", "label": "Jones 2021", "participants": 2},
        ],
    }
    assert explanations.sentence(found, GERMAN_NAMES) == (
        "2 solide Evaluationen fanden eine signifikante positive Wirkung auf Wissen: "
        "Smith 2020 (randomisierte kontrollierte Studie; 1 Teilnehmer·in) und "
        "Jones 2021 (randomisierte kontrollierte Studie; 2 Teilnehmende)."
    )


def test_the_same_records_read_in_english_outside_the_override(german_words):
    rating = knowledge(rct("Smith 2020", n=120))
    with translation.override("en"):
        english = explanations.outcome_text(rating.level, rating.explanation, NAMES)
    assert english.startswith("Supported: 1 sound evaluation found")


def test_a_change_reason_is_worded_in_german(german_words):
    change = RatingChange(
        reason={
            "code": "evaluation",
            "event": "published",
            "evaluation": {"key": "k", "title": "Beier 2015"},
            "design": "rct",
            "findings": {"positive": ["knowledge"], "none": ["attitudes"], "harmful": []},
        }
    )
    assert explanations.change_reason(change, GERMAN_NAMES) == [
        "Die Evaluation „Beier 2015“ wurde veröffentlicht.",
        "Ihr Design: randomisierte kontrollierte Studie.",
        "Sie fand eine positive Wirkung auf Wissen.",
        "Sie fand keine Wirkung auf Einstellungen.",
    ]
    assert explanations.change_reason(RatingChange(reason={"code": "recomputed"})) == [
        "Bewertungen aus den veröffentlichten Evaluationen neu berechnet."
    ]
    old = RatingChange(legacy_reason="Evaluation “X” published.")
    [legacy] = explanations.change_reason(old, explanations.Names(english=[]))
    assert (legacy, legacy.lang) == ("Evaluation “X” published.", "en")


# --- Names read once, and with their capitals -------------------------------------------------


def test_one_study_cited_twice_in_a_sentence_is_named_once():
    # Two records of the same study (one per outcome it reported), both independent.
    first = rct("Newcomer et al. 2025", independent=True)
    second = evidence.EvaluationEvidence(
        **{**first.__dict__, "key": "newcomer-2", "findings": (finding(outcome="attitudes"),)}
    )
    text = explanations.text(evidence.rate_programme([first, second]).explanation, NAMES)
    assert "(Newcomer et al. 2025) was independent" in text
    assert "Newcomer et al. 2025 and Newcomer et al. 2025" not in text


def test_a_list_names_each_item_once():
    assert explanations.join(["A", "B", "A"]) == "A and B"


@pytest.mark.parametrize(
    ("name", "worded"),
    [
        ("Sexual abuse material (CSAM) viewing", "sexual abuse material (CSAM) viewing"),
        ("Help-seeking", "help-seeking"),
        ("Use of ICT services (Tor, VPN)", "use of ICT services (Tor, VPN)"),
    ],
)
def test_a_name_inside_a_sentence_keeps_acronyms_and_parentheses(name, worded):
    assert explanations.mid_sentence(name) == worded


def test_an_old_english_reason_gets_its_acronyms_back():
    names = explanations.Names(english=["Child sexual abuse material (CSAM) viewing"])
    change = RatingChange(
        legacy_reason="It found a positive effect on child sexual abuse material (csam) viewing."
    )
    [worded] = explanations.change_reason(change, names)
    assert worded == "It found a positive effect on child sexual abuse material (CSAM) viewing."
    assert worded.lang == "en"
