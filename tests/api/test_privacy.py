"""Nothing of a working group's private space, and nothing unpublished, ever appears in the
open-data API: not in any list, detail, export, vocabulary or text search, whoever asks. The
one exception is /api/v1/search/, which answers like the search page: a group's members, and
only they, find its discussions, documents and meetings."""

import pytest

from search.models import IndexedDocument
from tests.api.conftest import PRIVATE_WORDS
from tests.factories.portal import UserFactory
from tests.factories.working_groups import MembershipFactory

pytestmark = pytest.mark.django_db

SEARCHABLE = [
    "/api/v1/programmes/",
    "/api/v1/evaluations/",
    "/api/v1/implementation-reports/",
    "/api/v1/materials/",
    "/api/v1/programmes.csv",
    "/api/v1/evaluations.csv",
]
OTHERS = ["/api/v1/", "/api/v1/vocabularies/", "/api/v1/vocabularies/practice/"]


def everything(client, content):
    """Every answer the API gives about the content, as one text."""
    requests = [(url, {}) for url in SEARCHABLE + OTHERS]
    requests += [(url, {"q": PRIVATE_WORDS}) for url in SEARCHABLE]
    for page in (content.therapy, content.prison):
        base = f"/api/v1/programmes/{page.translation_key}/"
        requests += [(base, {}), (base + "rating/", {}), (base + "rating/history/", {})]
    requests.append((f"/api/v1/materials/{content.poster.translation_key}/", {}))
    texts = []
    for url, params in requests:
        response = client.get(url, params)
        assert response.status_code == 200, (url, response.content)
        texts.append(
            b"".join(response.streaming_content) if response.streaming else response.content
        )
    return b"\n".join(texts).decode()


def test_private_group_content_is_never_in_the_api(client, content):
    assert PRIVATE_WORDS.lower() not in everything(client, content).lower()


def test_not_even_for_a_member_of_the_group(client, content):
    membership = MembershipFactory(group=content.group)
    client.force_login(membership.user)
    assert PRIVATE_WORDS.lower() not in everything(client, content).lower()


def test_text_search_finds_public_content_only(client, content):
    # The private content is in the search index, for the group's members only.
    assert (
        IndexedDocument.objects.filter(title__contains=PRIVATE_WORDS, is_public=False).count() == 3
    )
    response = client.get("/api/v1/programmes/", {"q": PRIVATE_WORDS})
    assert response.json()["count"] == 0
    assert client.get("/api/v1/programmes/", {"q": "prison"}).json()["count"] == 1


PRIVATE_TITLES = {f"{PRIVATE_WORDS} {kind}" for kind in ("discussion", "meeting", "document")}


def searched(client):
    """Titles /api/v1/search/ and its suggestions find for the private words."""
    titles = set()
    for url in ("/api/v1/search/", "/api/v1/search/suggest/"):
        response = client.get(url, {"q": PRIVATE_WORDS})
        assert response.status_code == 200, response.content
        body = response.json()
        titles |= {hit["title"] for hit in body.get("results", body.get("suggestions"))}
    return titles


def test_the_search_finds_a_groups_private_content_for_its_members_only(client, content):
    assert searched(client) == {f"{PRIVATE_WORDS} working group"}  # the group itself is public
    client.force_login(UserFactory())
    assert not searched(client) & PRIVATE_TITLES
    client.force_login(MembershipFactory(group=content.group).user)
    assert searched(client) >= PRIVATE_TITLES
