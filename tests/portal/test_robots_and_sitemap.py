"""What search engines are told: skip the admin and accounts, index the live pages."""

import pytest

from tests.factories.programmes import EvaluationPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_accounts(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /accounts/" in lines
    assert "Sitemap: /sitemap.xml" in lines


def test_the_sitemap_lists_live_pages_only(client, catalogue):
    programme = ProgrammePageFactory(parent=catalogue, title="Listed")
    evaluation = EvaluationPageFactory(parent=programme, study_url="https://example.org/study")
    draft = ProgrammePageFactory(parent=catalogue, title="Unlisted", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert f"{programme.get_url()}</loc>" in xml
    assert f"{evaluation.get_url()}</loc>" in xml
    assert "https://example.org/study" not in xml
    assert f"/{draft.slug}/</loc>" not in xml
