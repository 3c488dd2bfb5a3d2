"""The controlled vocabularies seeded from DOMAIN.md (vocabularies/seed.py)."""

import pytest

from programmes.models import StudyDesign
from vocabularies.models import (
    Country,
    Language,
    LegalAnchor,
    Outcome,
    PreventionLevel,
    TargetGroup,
)

pytestmark = pytest.mark.django_db

EU_MEMBER_STATES = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}  # fmt: skip
EU_OFFICIAL_LANGUAGES = {
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
}  # fmt: skip


def slugs(model):
    return list(model.objects.values_list("slug", flat=True))


def test_nine_target_groups_covering_the_directive():
    assert set(slugs(TargetGroup)) == {
        "fear-they-might-offend",
        "offended-criminal-proceedings",
        "offended-in-prison",
        "offended-after-release",
        "children",
        "parents-carers",
        "professionals-with-children",
        "organisations-with-children",
        "general-public",
    }


def test_target_groups_are_listed_in_domain_order():
    assert slugs(TargetGroup)[0] == "fear-they-might-offend"
    assert slugs(TargetGroup)[-1] == "general-public"


def test_three_prevention_levels():
    assert slugs(PreventionLevel) == ["primary", "secondary", "tertiary"]


def test_four_legal_anchors_point_to_articles_of_the_directive():
    articles = dict(LegalAnchor.objects.values_list("slug", "article"))
    assert articles == {"art-22": "22", "art-23": "23", "art-24": "24", "art-10": "10"}
    assert all("2011/93/EU" in anchor.description for anchor in LegalAnchor.objects.all())


def test_study_designs_carry_the_evidence_tier_the_rubric_reads():
    tiers = dict(StudyDesign.objects.values_list("slug", "tier"))
    assert tiers["rct"] == "strong"
    assert tiers["systematic-review"] == "strong"
    assert tiers["quasi-experiment"] == "moderate"
    assert tiers["before-after"] == "weak"
    assert tiers["qualitative"] == "descriptive"


def test_outcomes_include_reoffending_and_help_seeking():
    assert {"sexual-reoffending", "help-seeking", "knowledge"} <= set(slugs(Outcome))


def test_the_27_eu_member_states_are_flagged():
    eu = set(Country.objects.filter(is_eu=True).values_list("code", flat=True))
    assert eu == EU_MEMBER_STATES


def test_countries_outside_the_eu_exist_but_are_not_flagged():
    for code in ("GB", "NO", "CH", "UA", "US"):
        assert Country.objects.get(code=code).is_eu is False, code
    assert Country.objects.get(code="DE").name == "Germany"


def test_the_24_eu_official_languages_are_flagged():
    official = set(Language.objects.filter(is_eu_official=True).values_list("code", flat=True))
    assert official == EU_OFFICIAL_LANGUAGES
    assert Language.objects.get(code="uk").is_eu_official is False


def test_implementation_reports_have_barrier_and_adaptation_vocabularies():
    from vocabularies.models import AdaptationKind, Barrier

    assert {"funding", "stigma", "legal-framework", "recruitment"} <= set(slugs(Barrier))
    assert {"translation", "helplines", "delivery-mode"} <= set(slugs(AdaptationKind))


@pytest.mark.parametrize("model", ["barrier", "adaptationkind"])
def test_editors_can_extend_the_report_vocabularies_in_the_cms(client, model):
    from tests.factories.portal import UserFactory, enable_totp

    admin = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(admin)
    client.force_login(admin)
    listing = client.get(f"/admin/snippets/vocabularies/{model}/")
    assert listing.status_code == 200
    response = client.post(
        f"/admin/snippets/vocabularies/{model}/add/",
        {"name": "Waiting lists", "slug": "waiting-lists", "description": "", "sort_order": 20},
    )
    assert response.status_code == 302
    assert "Waiting lists" in client.get(f"/admin/snippets/vocabularies/{model}/").content.decode()
