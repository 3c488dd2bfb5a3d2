"""Fixtures for the catalogue's tests."""

from django.utils import translation
from django.utils.translation import trans_real

import pytest

POSITIVE = (
    "%(count)s sound evaluation found a significant positive effect on %(outcome)s: "
    "%(evaluations)s.",
    "%(count)s sound evaluations found a significant positive effect on %(outcome)s: "
    "%(evaluations)s.",
)
OUTCOMES_RATED = (
    "%(count)s outcome was rated; see each outcome for the reasons.",
    "%(count)s outcomes were rated; see each outcome for the reasons.",
)
GERMAN = {
    (POSITIVE[0], 0): "%(count)s solide Evaluation fand eine signifikante positive Wirkung auf "
    "%(outcome)s: %(evaluations)s.",
    (POSITIVE[0], 1): "%(count)s solide Evaluationen fanden eine signifikante positive Wirkung "
    "auf %(outcome)s: %(evaluations)s.",
    ("%(count)s participant", 0): "%(count)s Teilnehmer·in",
    ("%(count)s participant", 1): "%(count)s Teilnehmende",
    "evaluation\x04%(label)s (%(design)s, %(size)s)": "%(label)s (%(design)s; %(size)s)",
    "list of items\x04%(items)s and %(last)s": "%(items)s und %(last)s",
    "rating explanation\x04%(level)s: %(sentence)s": "%(level)s – %(sentence)s",
    "Well supported would need a second sound evaluation with a positive effect.": (
        "Für „gut belegt“ bräuchte es eine zweite solide Evaluation mit positiver Wirkung."
    ),
    "Supported would need a strong design or a second sound evaluation.": (
        "Für „belegt“ bräuchte es ein starkes Design oder eine zweite solide Evaluation."
    ),
    "No sound evaluation found harm.": "Keine solide Evaluation fand einen Schaden.",
    "None of the supporting evaluations is reported as independent of the programme's "
    "developer.": "Keine der stützenden Evaluationen gilt als unabhängig vom Entwickler.",
    "The evaluation “%(title)s” was published.": "Die Evaluation „%(title)s“ wurde veröffentlicht.",
    "Its design: %(design)s.": "Ihr Design: %(design)s.",
    "It found a positive effect on %(outcomes)s.": "Sie fand eine positive Wirkung auf "
    "%(outcomes)s.",
    "It found no effect on %(outcomes)s.": "Sie fand keine Wirkung auf %(outcomes)s.",
    "Ratings recomputed from the published evaluations.": "Bewertungen aus den veröffentlichten "
    "Evaluationen neu berechnet.",
    "Supported for %(outcomes)s.": "Belegt für %(outcomes)s.",
    (OUTCOMES_RATED[0], 0): "%(count)s Ergebnis wurde bewertet; die Gründe stehen bei jedem "
    "Ergebnis.",
    (OUTCOMES_RATED[0], 1): "%(count)s Ergebnisse wurden bewertet; die Gründe stehen bei jedem "
    "Ergebnis.",
}


@pytest.fixture
def german_words(monkeypatch):
    """German, with GERMAN in front of the real German catalogue."""
    real = trans_real.translation("de")
    catalogue = trans_real.TranslationCatalog()
    catalogue._catalogs = [dict(GERMAN), *real._catalog._catalogs]
    catalogue._plurals = [lambda n: int(n != 1), *real._catalog._plurals]
    monkeypatch.setattr(real, "_catalog", catalogue)
    with translation.override("de"):
        yield
