"""Fixtures for campaigns: the campaigns index under the home page, and a campaign in it."""

import pytest

from tests.factories.campaigns import CampaignIndexPageFactory, CampaignPageFactory


@pytest.fixture
def campaigns_index(home):
    return CampaignIndexPageFactory(parent=home)


@pytest.fixture
def campaign(campaigns_index):
    return CampaignPageFactory(
        parent=campaigns_index,
        title="Say No!",
        summary="A campaign against online sexual coercion and extortion of children.",
        owner_organisation="Europol",
        source_url="https://example.org/say-no",
    )
