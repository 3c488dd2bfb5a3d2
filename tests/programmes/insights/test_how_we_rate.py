"""The public "How we rate evidence" page is generated from the rubric, so it cannot drift."""

import pytest

from programmes import evidence, explanations, rubric_text
from programmes.choices import DesignTier
from programmes.insights.rubric import best_level_for, examples, worked_examples
from programmes.models import StudyDesign
from tests.helpers import dom, links, ratings_shown

pytestmark = pytest.mark.django_db

URL = "/evidence/how-we-rate/"


def page(client):
    response = client.get(URL)
    assert response.status_code == 200
    return dom(response)


def text_of(client):
    return page(client).find("main").text


def test_every_level_its_meaning_and_criteria_come_from_the_rubric(client):
    shown = text_of(client)
    assert len(evidence.rubric()) == len(evidence.Level)
    for definition in rubric_text.levels():
        assert definition.label in shown
        assert definition.meaning in shown
        for criterion in definition.criteria:
            assert criterion in shown, criterion
    for level in evidence.Level:
        assert explanations.level_label(level) in shown
    for note in rubric_text.notes():
        assert note in shown
    assert str(rubric_text.WHAT_A_RATING_MEANS) in shown


def test_the_thresholds_and_version_come_from_the_rubric(client):
    facts = page(client).find("dl", cls="facts--inline")
    terms, values = facts.find_all("dt"), facts.find_all("dd")
    shown = {dt.text: dd.text for dt, dd in zip(terms, values, strict=True)}
    assert shown == {
        "Rubric version": evidence.RUBRIC_VERSION,
        "Smallest sample for a sound evaluation": f"{evidence.MIN_SAMPLE_SIZE} participants",
        "Follow-up that counts as lasting": f"{evidence.LONG_FOLLOW_UP_MONTHS} months or more",
    }


def test_changing_a_criterion_in_the_code_changes_the_page(client, monkeypatch):
    old = evidence.rubric()
    first = old[0]
    changed = evidence.LevelDefinition(first.level, ("sound_harm",))
    monkeypatch.setattr(evidence, "rubric", lambda: (changed, *old[1:]))
    monkeypatch.setattr(evidence, "MIN_SAMPLE_SIZE", 50)
    monkeypatch.setattr(evidence, "LONG_FOLLOW_UP_MONTHS", 18)
    well_supported = page(client).find("section", id="level-well_supported")
    assert well_supported.find("ul", cls="rubric-criteria").text == rubric_text.criterion(
        "sound_harm"
    )
    shown = text_of(client)
    assert rubric_text.criterion(first.criteria[0]) not in shown
    assert "50 participants" in shown
    assert "18 months" in shown


def test_the_levels_are_shown_in_the_rubrics_order_with_their_badges(client):
    levels = page(client).find("section", **{"aria-labelledby": "levels-title"})
    assert ratings_shown(levels) == [d.level.value for d in evidence.rubric()]


def test_study_designs_are_listed_with_their_tier_and_what_they_can_earn(client):
    table = page(client).find("section", **{"aria-labelledby": "designs-title"}).find("table")
    rows = {
        row.find("th").text: [td.text for td in row.find_all("td")]
        for row in table.find("tbody").find_all("tr")
    }
    assert len(rows) == StudyDesign.objects.count()
    assert rows["Randomised controlled trial"] == [DesignTier.STRONG.label, "Well supported"]
    assert rows["Quasi-experiment with matched comparison group"] == [
        DesignTier.MODERATE.label,
        "Supported",
    ]
    assert rows["Before-and-after without comparison group"] == [DesignTier.WEAK.label, "Promising"]
    assert rows["Qualitative or process evaluation"] == [
        DesignTier.DESCRIPTIVE.label,
        "Insufficient evidence",
    ]
    assert [th.attrs.get("scope") for th in table.find("thead").find_all("th")] == ["col"] * 3


def test_the_strongest_level_per_tier_is_computed_by_the_rubric():
    assert [best_level_for(tier) for tier in DesignTier] == [
        evidence.Level.WELL_SUPPORTED,
        evidence.Level.SUPPORTED,
        evidence.Level.PROMISING,
        evidence.Level.INSUFFICIENT,
    ]


def test_worked_examples_are_rated_by_the_rubric():
    levels = [example.rating.level for example in worked_examples()]
    assert levels == [
        evidence.Level.SUPPORTED,  # one RCT positive
        evidence.Level.WELL_SUPPORTED,  # two positive, one with 12-month follow-up
        evidence.Level.SUPPORTED,  # two positive, one no effect: one step down
        evidence.Level.NO_EFFECT,  # one positive, one no effect
        evidence.Level.PROMISING,  # too few participants
        evidence.Level.PROMISING,  # weak design
        evidence.Level.HARMFUL,  # sound harm always wins
    ]


def test_the_page_prints_the_rubrics_own_explanation_for_every_example(client):
    sections = page(client).find_all("section", cls="worked-example")
    assert len(sections) == len(examples())
    for section, (title, studies) in zip(sections, examples(), strict=True):
        rating = evidence.rate_outcome("knowledge", "Knowledge", studies)
        assert str(title) in section.find("h3").text
        worded = explanations.outcome_text(rating.level, rating.explanation)
        assert section.find("p", cls="worked-example__explanation").text == worded
        assert ratings_shown(section.find("p", cls="worked-example__result")) == [
            rating.level.value
        ]


def test_a_change_in_the_rubric_changes_the_worked_examples(client, monkeypatch):
    monkeypatch.setattr(evidence, "MIN_SAMPLE_SIZE", 500)  # every example study is now too small
    results = [
        ratings_shown(s.find("p", cls="worked-example__result"))
        for s in page(client).find_all("section", cls="worked-example")
    ]
    assert ["well_supported"] not in results
    assert results[0] == ["promising"]


def test_the_programme_page_links_here_from_its_rating_box(client, catalogue):
    from tests.factories.programmes import ProgrammePageFactory

    programme = ProgrammePageFactory(parent=catalogue)
    evidence_box = next(
        s
        for s in dom(client.get(programme.url)).find_all("section")
        if s.attrs.get("aria-labelledby") == "evidence-title"
    )
    assert (URL, "How we rate evidence") in [
        (a.attrs["href"], a.text) for a in evidence_box.find_all("a")
    ]


def test_the_page_is_reachable_from_the_evidence_index(client, home):
    assert (URL, "How we rate evidence") in links(client.get("/evidence/"))


def test_few_queries(client, django_assert_max_num_queries):
    """Three for the page, two for the names of outcomes and designs in the visitor's
    language (cached for five minutes after: ``vocabularies.labels``)."""
    with django_assert_max_num_queries(5):
        assert client.get(URL).status_code == 200


def test_the_examples_name_designs_and_outcome_from_the_vocabularies(client):
    first = page(client).find_all("section", cls="worked-example")[0]
    assert first.find("tbody").find("td").text == "Randomised controlled trial"
    explanation = first.find("p", cls="worked-example__explanation").text
    assert explanation.startswith(
        "Supported: 1 sound evaluation found a significant positive effect on Knowledge: "
        "Study A (Randomised controlled trial, 120 participants)."
    )
