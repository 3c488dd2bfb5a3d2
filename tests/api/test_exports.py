"""CSV exports: a header row, one row per programme or per evaluation result, the list's
filters, streamed as an attachment, and safe to open in a spreadsheet."""

import csv
import io

import pytest

from portal.api.exports import safe_cell
from programmes.api.exports import EVALUATION_HEADER, PROGRAMME_HEADER

pytestmark = pytest.mark.django_db


def download(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    return response, list(csv.reader(io.StringIO(text)))


def test_programmes_export_has_a_header_and_one_row_per_programme(client, content):
    response, rows = download(client, "/api/v1/programmes.csv")
    assert response["Content-Disposition"] == 'attachment; filename="programmes.csv"'
    header, *programmes = rows
    assert header == PROGRAMME_HEADER
    by_title = {row[1]: dict(zip(header, row, strict=True)) for row in programmes}
    assert set(by_title) == {content.therapy.title, content.prison.title}
    therapy = by_title[content.therapy.title]
    assert therapy["id"] == str(content.therapy.translation_key)
    assert (therapy["countries"], therapy["languages"], therapy["versions"]) == (
        "AT | DE",
        "en | de",
        "de | en",
    )
    assert (therapy["rating"], therapy["start_year"]) == ("supported", "2005")
    assert therapy["organisation"] == "Charité Berlin"  # UTF-8


def test_a_formula_in_a_cell_is_defused(client, content):
    _response, rows = download(client, "/api/v1/programmes.csv", {"country": "DE"})
    header, therapy = rows
    summary = therapy[header.index("summary")]
    assert summary == '\'=HYPERLINK("https://evil.example") confidential therapy.'


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tdata", "'\tdata"),
        ("plain", "plain"),
        (-0.35, -0.35),  # numbers stay numbers
        (None, ""),
        (True, "true"),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_evaluations_export_has_one_row_per_result(client, content):
    response, rows = download(client, "/api/v1/evaluations.csv")
    assert response["Content-Disposition"] == 'attachment; filename="evaluations.csv"'
    header, *results = rows
    assert header == EVALUATION_HEADER
    found = [dict(zip(header, row, strict=True)) for row in results]
    assert [(r["outcome"], r["direction"], r["effect_size"]) for r in found] == [
        ("dynamic-risk-factors", "positive", "-0.350"),  # a negative number, not defused
        ("wellbeing", "none", ""),
    ]
    assert {r["evaluation_id"] for r in found} == {str(content.evaluation.translation_key)}
    assert {r["programme_id"] for r in found} == {str(content.therapy.translation_key)}
    assert {(r["design"], r["design_tier"], r["sample_size"]) for r in found} == {
        ("rct", "strong", "100")
    }


def test_exports_take_the_lists_filters(client, content):
    _response, rows = download(client, "/api/v1/evaluations.csv", {"country": "FR"})
    assert rows == [EVALUATION_HEADER]
    _response, rows = download(
        client, "/api/v1/programmes.csv", {"target_group": "offended-in-prison"}
    )
    assert [row[1] for row in rows[1:]] == [content.prison.title]


def test_a_bad_filter_is_a_json_400_not_a_broken_download(client, content):
    response = client.get("/api/v1/programmes.csv", {"country": "XX"}, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "Unknown value “XX” for “country”" in response.json()["detail"]
