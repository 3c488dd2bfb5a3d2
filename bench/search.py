"""Benchmark search: response times, rebuild, publish-to-searchable, memory, against Wagtail.

Usage: .venv/bin/python bench/search.py [--documents 50000] [--repeat 32] [--fresh]

Works on its own SQLite file, bench/.data/search.sqlite3 (the developer's db.sqlite3 is never
opened), migrated on first use and kept between runs while it holds the same synthetic
catalogue; ``--fresh`` starts it again. The catalogue is deterministic (seeded): documents in
six languages whose facet values come from the real vocabulary tables.

Measured, in this order:

* rebuild: ``search.rebuild.rebuild_embedded`` over a bench-only source that generates the
  documents, so the real indexing code path runs (stemming, FTS5, facet rows);
* /api/search/ through the whole Django stack (test Client): a text query with three filters
  and all facets, and a match-all request with all facets; p50 and p95;
* the same searches through Wagtail's own database backend (SQLite FTS5): ``.search()`` on a
  bench-only Indexed model holding the same documents, then one ``.facet()`` per facet;
* publishing a real ProgrammePage until /api/search/ finds it;
* the peak RSS of this process.

Goals are checked here, never as timed assertions in the test suite. The last line printed is
one JSON object with the headline figures.
"""

import argparse
import json
import math
import os
import random
import resource
import statistics
import string
import sys
import time
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from urllib.parse import unquote_plus, urlencode

ROOT = Path(__file__).resolve().parent.parent
# This file is bench/search.py: keep its folder off the path so ``search`` is the app.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
DATA = ROOT / "bench" / ".data"
DB_PATH = DATA / "search.sqlite3"
STATE_PATH = DATA / "search-state.json"
GENERATOR_VERSION = 1  # bump when the synthetic documents change: the data is rebuilt
HOST = "127.0.0.1"

GOALS = {
    "search_p95_ms": 150,
    "matchall_p95_ms": 300,
    "wagtail_ratio": 1.0,
    "rebuild_s": 120,
    "peak_rss_mb": 400,
}

# --- The synthetic catalogue ---------------------------------------------------------------

LANGUAGE_WEIGHTS = {"en": 34, "de": 18, "fr": 15, "nl": 12, "sv": 10, "pl": 11}
LANGUAGE_COUNTRIES = {
    "en": ["IE", "MT"],
    "de": ["DE", "AT", "LU"],
    "fr": ["FR", "BE", "LU"],
    "nl": ["NL", "BE"],
    "sv": ["SE", "FI"],
    "pl": ["PL"],
}
TYPE_WEIGHTS = {
    "programme": 40,
    "evaluation": 30,
    "implementation_report": 20,
    "support_service": 10,
}
RATING_WEIGHTS = {
    "insufficient": 35,
    "promising": 20,
    "supported": 14,
    "well_supported": 8,
    "no_effect": 16,
    "harmful": 7,
}
PRIVATE_SHARE = 0.05  # documents of a working group's private space
SYLLABLES = [
    "ka", "lo", "mir", "ven", "sta", "ri", "bo", "nel", "tu", "sa", "fen", "dor", "ar", "lis", "mo",
    "pe", "vik", "ul", "ha", "zen", "ro", "ta", "bri", "go", "len", "da", "sol", "mar", "ny", "kes",
]  # fmt: skip

# Per language: sentence templates and the phrases that fill them. Slots: {target},
# {setting}, {topic}, {practice}, {org}, {place}, {n}, {months}, {age}.
TEXT = {
    "en": {
        "sentences": [
            "The programme offers {target} confidential support in {setting}.",
            "{org} developed the intervention together with {practice} and young people.",
            "Sessions focus on {topic}, healthy relationships and personal boundaries.",
            "Trained facilitators run weekly group sessions over {n} weeks.",
            "Participants learn to recognise warning signs and to ask for help early.",
            "An evaluation with {n} participants found fewer risk behaviours after "
            "{months} months.",
            "The approach combines cognitive behavioural therapy with practical safety "
            "planning.",
            "Staff receive training on safeguarding procedures, disclosure and reporting.",
            "Materials are available online and can be adapted to local needs in {place}.",
            "The helpline is anonymous, free of charge and open every evening.",
            "Schools use the lesson plans to talk about {topic} with pupils aged {age} "
            "and older.",
            "Follow-up interviews showed better knowledge and more protective attitudes.",
            "Costs are covered by the regional health authority and by private foundations.",
            "The team works closely with police, probation services and child protection "
            "agencies.",
            "Parents receive guidance on safe internet use and on talking with their "
            "children about {topic}.",
            "Implementation in {place} required adaptations to the local language and "
            "culture.",
        ],
        "target": ["children", "adolescents", "parents and carers",
                   "people who fear they might offend", "professionals working with children",
                   "young people online"],
        "setting": ["schools", "the community", "prisons", "online services", "sports clubs",
                    "family homes", "healthcare settings"],
        "topic": ["grooming", "online safety", "sexual abuse prevention", "sextortion",
                  "self-generated images", "disclosure and reporting"],
        "practice": ["teachers", "social workers", "psychologists", "police officers",
                     "youth workers", "nurses"],
        "org": ["Foundation", "Association", "Centre", "Network", "Trust"],
        "place": ["Dublin", "Cork", "Galway", "Valletta", "Limerick", "Sliema"],
        "titles": {
            "programme": ["{name}: {topic} prevention for {target}",
                          "{name} – preventing abuse in {setting}"],
            "evaluation": ["Evaluation of {name} in {place}",
                           "Effectiveness of the {name} programme"],
            "implementation_report": ["Implementing {name} in {place}",
                                      "Lessons from {name} in {place}"],
            "support_service": ["{name} helpline", "{name} counselling service in {place}"],
        },
    },
    "de": {
        "sentences": [
            "Das Programm richtet sich an {target} und bietet vertrauliche Unterstützung in "
            "{setting}.",
            "{org} hat die Maßnahme gemeinsam mit {practice} und Jugendlichen entwickelt.",
            "Die Sitzungen behandeln {topic}, gesunde Beziehungen und persönliche Grenzen.",
            "Geschulte Fachkräfte leiten wöchentliche Gruppensitzungen über {n} Wochen.",
            "Die Teilnehmenden lernen, Warnsignale zu erkennen und früh Hilfe zu suchen.",
            "Eine Evaluation mit {n} Teilnehmenden zeigte nach {months} Monaten weniger "
            "Risikoverhalten.",
            "Der Ansatz verbindet kognitive Verhaltenstherapie mit praktischer "
            "Sicherheitsplanung.",
            "Die Mitarbeitenden werden zu Schutzkonzepten, Offenlegung und Meldewegen geschult.",
            "Die Materialien sind online verfügbar und lassen sich an die Bedürfnisse in "
            "{place} anpassen.",
            "Die Beratungsstelle ist anonym, kostenlos und jeden Abend erreichbar.",
            "Schulen nutzen die Unterrichtsmaterialien, um mit Schülerinnen und Schülern ab "
            "{age} Jahren über {topic} zu sprechen.",
            "Nachbefragungen zeigten mehr Wissen und schützendere Einstellungen.",
            "Die Kosten tragen die regionale Gesundheitsbehörde und private Stiftungen.",
            "Das Team arbeitet eng mit Polizei, Bewährungshilfe und Kinderschutzdiensten "
            "zusammen.",
            "Eltern erhalten Hinweise zur sicheren Internetnutzung und zu Gesprächen mit ihren "
            "Kindern über {topic}.",
            "Die Umsetzung in {place} erforderte Anpassungen an Sprache und Kultur vor Ort.",
        ],
        "target": ["Kinder", "Jugendliche", "Eltern und Bezugspersonen",
                   "Menschen, die befürchten, eine Tat zu begehen,",
                   "Fachkräfte, die mit Kindern arbeiten,", "junge Menschen im Internet"],
        "setting": ["Schulen", "der Gemeinde", "Justizvollzugsanstalten", "Online-Diensten",
                    "Sportvereinen", "Familien", "Einrichtungen des Gesundheitswesens"],
        "topic": ["Grooming", "Sicherheit im Netz", "Prävention sexueller Gewalt",
                  "Sextortion", "selbst erstellte Bilder", "Offenlegung und Meldung"],
        "practice": ["Lehrkräften", "Sozialarbeitenden", "Psychologinnen und Psychologen",
                     "der Polizei", "Jugendarbeitenden", "Pflegekräften"],
        "org": ["Stiftung", "Verein", "Zentrum", "Netzwerk", "Institut"],
        "place": ["Berlin", "Hamburg", "München", "Wien", "Graz", "Köln", "Leipzig"],
        "titles": {
            "programme": ["{name}: {topic} – Prävention für {target}",
                          "{name} – Schutz vor Gewalt in {setting}"],
            "evaluation": ["Evaluation von {name} in {place}",
                           "Wirksamkeit des Programms {name}"],
            "implementation_report": ["Umsetzung von {name} in {place}",
                                      "Erfahrungen mit {name} in {place}"],
            "support_service": ["Beratungstelefon {name}",
                                "{name} – Beratungsstelle in {place}"],
        },
    },
    "fr": {
        "sentences": [
            "Le programme offre un soutien confidentiel aux {target} dans {setting}.",
            "{org} a conçu l'intervention avec des {practice} et des jeunes.",
            "Les séances portent sur {topic}, les relations saines et les limites personnelles.",
            "Des animateurs formés mènent des séances de groupe hebdomadaires pendant {n} "
            "semaines.",
            "Les participants apprennent à reconnaître les signaux d'alerte et à demander de "
            "l'aide tôt.",
            "Une évaluation auprès de {n} participants a montré moins de comportements à risque "
            "après {months} mois.",
            "L'approche associe la thérapie cognitivo-comportementale à un plan de sécurité "
            "concret.",
            "Le personnel est formé aux procédures de protection, à la révélation et au "
            "signalement.",
            "Les supports sont disponibles en ligne et peuvent être adaptés aux besoins locaux "
            "à {place}.",
            "La ligne d'écoute est anonyme, gratuite et ouverte tous les soirs.",
            "Les écoles utilisent les séquences pédagogiques pour aborder {topic} avec les "
            "élèves dès {age} ans.",
            "Les entretiens de suivi ont montré de meilleures connaissances et des attitudes "
            "plus protectrices.",
            "Les coûts sont pris en charge par l'agence régionale de santé et des fondations "
            "privées.",
            "L'équipe travaille en lien étroit avec la police, les services de probation et la "
            "protection de l'enfance.",
            "Les parents reçoivent des conseils sur l'usage sûr d'internet et sur le dialogue "
            "avec leurs enfants.",
            "La mise en œuvre à {place} a nécessité des adaptations à la langue et à la "
            "culture locales.",
        ],
        "target": ["enfants", "adolescents", "parents et aidants",
                   "personnes qui craignent de passer à l'acte", "professionnels de l'enfance",
                   "jeunes en ligne"],
        "setting": ["les écoles", "la communauté", "les prisons", "les services en ligne",
                    "les clubs sportifs", "les familles", "les établissements de santé"],
        "topic": ["le grooming", "la sécurité en ligne", "la prévention des abus sexuels",
                  "la sextorsion", "les images autoproduites", "la révélation et le signalement"],
        "practice": ["enseignants", "travailleurs sociaux", "psychologues", "policiers",
                     "animateurs jeunesse", "infirmiers"],
        "org": ["Fondation", "Association", "Centre", "Réseau", "Institut"],
        "place": ["Paris", "Lyon", "Marseille", "Bruxelles", "Liège", "Lille", "Luxembourg"],
        "titles": {
            "programme": ["{name} : {topic} et prévention pour les {target}",
                          "{name} – prévenir les violences dans {setting}"],
            "evaluation": ["Évaluation de {name} à {place}", "Efficacité du programme {name}"],
            "implementation_report": ["Mise en œuvre de {name} à {place}",
                                      "Retour d'expérience : {name} à {place}"],
            "support_service": ["Ligne d'écoute {name}",
                                "{name} – service d'accompagnement à {place}"],
        },
    },
    "nl": {
        "sentences": [
            "Het programma biedt {target} vertrouwelijke steun in {setting}.",
            "{org} ontwikkelde de interventie samen met {practice} en jongeren.",
            "De sessies gaan over {topic}, gezonde relaties en persoonlijke grenzen.",
            "Getrainde begeleiders geven wekelijkse groepssessies gedurende {n} weken.",
            "Deelnemers leren waarschuwingssignalen te herkennen en vroeg hulp te vragen.",
            "Een evaluatie met {n} deelnemers liet na {months} maanden minder risicogedrag zien.",
            "De aanpak combineert cognitieve gedragstherapie met praktische "
            "veiligheidsplanning.",
            "Medewerkers krijgen training in beschermingsprocedures, onthulling en melding.",
            "Het materiaal is online beschikbaar en kan worden aangepast aan lokale behoeften "
            "in {place}.",
            "De hulplijn is anoniem, gratis en elke avond bereikbaar.",
            "Scholen gebruiken de lesbrieven om met leerlingen vanaf {age} jaar over {topic} "
            "te praten.",
            "Vervolginterviews lieten meer kennis en beschermende houdingen zien.",
            "De kosten worden gedragen door de regionale gezondheidsdienst en particuliere "
            "fondsen.",
            "Het team werkt nauw samen met politie, reclassering en jeugdbescherming.",
            "Ouders krijgen advies over veilig internetgebruik en over praten met hun kinderen.",
            "De invoering in {place} vroeg om aanpassingen aan de lokale taal en cultuur.",
        ],
        "target": ["kinderen", "jongeren", "ouders en verzorgers",
                   "mensen die bang zijn een delict te plegen",
                   "professionals die met kinderen werken", "jongeren online"],
        "setting": ["scholen", "de buurt", "gevangenissen", "online diensten", "sportclubs",
                    "gezinnen", "de gezondheidszorg"],
        "topic": ["grooming", "online veiligheid", "preventie van seksueel misbruik",
                  "sextortion", "zelfgemaakte beelden", "onthulling en melding"],
        "practice": ["leerkrachten", "maatschappelijk werkers", "psychologen", "politieagenten",
                     "jongerenwerkers", "verpleegkundigen"],
        "org": ["Stichting", "Vereniging", "Centrum", "Netwerk", "Instituut"],
        "place": ["Amsterdam", "Rotterdam", "Utrecht", "Gent", "Antwerpen", "Eindhoven"],
        "titles": {
            "programme": ["{name}: {topic} en preventie voor {target}",
                          "{name} – misbruik voorkomen in {setting}"],
            "evaluation": ["Evaluatie van {name} in {place}",
                           "Effectiviteit van het programma {name}"],
            "implementation_report": ["Invoering van {name} in {place}",
                                      "Ervaringen met {name} in {place}"],
            "support_service": ["Hulplijn {name}", "{name} – hulpverlening in {place}"],
        },
    },
    "sv": {
        "sentences": [
            "Programmet ger {target} konfidentiellt stöd i {setting}.",
            "{org} utvecklade insatsen tillsammans med {practice} och unga.",
            "Träffarna handlar om {topic}, sunda relationer och personliga gränser.",
            "Utbildade ledare håller gruppträffar varje vecka under {n} veckor.",
            "Deltagarna lär sig känna igen varningssignaler och söka hjälp i tid.",
            "En utvärdering med {n} deltagare visade mindre riskbeteende efter {months} "
            "månader.",
            "Metoden kombinerar kognitiv beteendeterapi med praktisk säkerhetsplanering.",
            "Personalen utbildas i skyddsrutiner, avslöjande och anmälan.",
            "Materialet finns på nätet och kan anpassas till lokala behov i {place}.",
            "Stödlinjen är anonym, kostnadsfri och öppen varje kväll.",
            "Skolor använder lektionsplanerna för att prata om {topic} med elever från {age} år.",
            "Uppföljande intervjuer visade bättre kunskap och mer skyddande attityder.",
            "Kostnaderna täcks av regionen och av privata stiftelser.",
            "Teamet samarbetar nära med polis, frivård och barnskydd.",
            "Föräldrar får råd om säker internetanvändning och om att prata med sina barn.",
            "Införandet i {place} krävde anpassningar till det lokala språket och kulturen.",
        ],
        "target": ["barn", "ungdomar", "föräldrar och vårdnadshavare",
                   "personer som är rädda att begå övergrepp",
                   "yrkesverksamma som arbetar med barn", "unga på nätet"],
        "setting": ["skolor", "lokalsamhället", "fängelser", "digitala tjänster",
                    "idrottsföreningar", "familjer", "hälso- och sjukvården"],
        "topic": ["grooming", "säkerhet på nätet", "förebyggande av sexuella övergrepp",
                  "sextortion", "egenproducerade bilder", "avslöjande och anmälan"],
        "practice": ["lärare", "socialsekreterare", "psykologer", "poliser", "fritidsledare",
                     "sjuksköterskor"],
        "org": ["Stiftelsen", "Föreningen", "Centrum", "Nätverket", "Institutet"],
        "place": ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Umeå", "Helsingfors"],
        "titles": {
            "programme": ["{name}: {topic} och förebyggande arbete för {target}",
                          "{name} – förebygga övergrepp i {setting}"],
            "evaluation": ["Utvärdering av {name} i {place}", "Effekter av programmet {name}"],
            "implementation_report": ["Införande av {name} i {place}",
                                      "Erfarenheter av {name} i {place}"],
            "support_service": ["Stödlinjen {name}", "{name} – stödmottagning i {place}"],
        },
    },
    "pl": {
        "sentences": [
            "Program oferuje poufne wsparcie dla {target} w {setting}.",
            "{org} opracowała interwencję wspólnie z {practice} i młodzieżą.",
            "Zajęcia dotyczą {topic}, zdrowych relacji i granic osobistych.",
            "Przeszkoleni prowadzący organizują cotygodniowe spotkania grupowe przez {n} "
            "tygodni.",
            "Uczestnicy uczą się rozpoznawać sygnały ostrzegawcze i wcześnie prosić o pomoc.",
            "Ewaluacja z udziałem {n} uczestników wykazała mniej zachowań ryzykownych po "
            "{months} miesiącach.",
            "Podejście łączy terapię poznawczo-behawioralną z praktycznym planem "
            "bezpieczeństwa.",
            "Personel przechodzi szkolenie z procedur ochrony, ujawniania i zgłaszania.",
            "Materiały są dostępne w internecie i można je dostosować do lokalnych potrzeb w "
            "{place}.",
            "Telefon zaufania jest anonimowy, bezpłatny i czynny każdego wieczoru.",
            "Szkoły korzystają z konspektów lekcji w pracy z uczniami od {age}. roku życia.",
            "Wywiady kontrolne wykazały lepszą wiedzę i bardziej ochronne postawy.",
            "Koszty pokrywa regionalny fundusz zdrowia oraz prywatne fundacje.",
            "Zespół ściśle współpracuje z policją, kuratorami sądowymi i służbami ochrony "
            "dzieci.",
            "Rodzice otrzymują wskazówki dotyczące bezpiecznego korzystania z internetu i "
            "rozmów z dziećmi.",
            "Wdrożenie w {place} wymagało dostosowania do lokalnego języka i kultury.",
        ],
        "target": ["dzieci", "młodzieży", "rodziców i opiekunów",
                   "osób obawiających się popełnienia przestępstwa",
                   "specjalistów pracujących z dziećmi", "młodych ludzi w sieci"],
        "setting": ["szkołach", "społeczności lokalnej", "zakładach karnych",
                    "usługach internetowych", "klubach sportowych", "rodzinach",
                    "placówkach ochrony zdrowia"],
        "topic": ["groomingu", "bezpieczeństwa w internecie",
                  "profilaktyki wykorzystywania seksualnego", "sekstorsji",
                  "samodzielnie wytworzonych zdjęć", "ujawniania i zgłaszania"],
        "practice": ["nauczycielami", "pracownikami socjalnymi", "psychologami", "policjantami",
                     "pedagogami ulicy", "pielęgniarkami"],
        "org": ["Fundacja", "Stowarzyszenie", "Centrum", "Sieć", "Instytut"],
        "place": ["Warszawie", "Krakowie", "Gdańsku", "Wrocławiu", "Poznaniu", "Łodzi"],
        "titles": {
            "programme": ["{name}: profilaktyka dla {target}",
                          "{name} – zapobieganie przemocy w {setting}"],
            "evaluation": ["Ewaluacja programu {name}", "Skuteczność programu {name} w {place}"],
            "implementation_report": ["Wdrożenie programu {name} w {place}",
                                      "Doświadczenia z wdrożenia {name}"],
            "support_service": ["Telefon zaufania {name}", "{name} – poradnia w {place}"],
        },
    },
}  # fmt: skip

# Text queries with three filters each, in the six languages, and the match-all request.
TEXT_QUERIES = [
    {"q": "school prevention", "target_group": "children", "country": "IE",
     "type": "programme"},
    {"q": "Schulen Prävention", "target_group": "children", "country": "DE",
     "prevention_level": "primary"},
    {"q": "sécurité en ligne", "country": "FR", "practice": "healthcare",
     "type": "evaluation"},
    {"q": "ouders kinderen", "country": "NL", "target_group": "parents-carers",
     "rating": "promising"},
    {"q": "föräldrar barn", "country": "SE", "setting": "family-home", "type": "programme"},
    {"q": "profilaktyka przemocy", "country": "PL", "target_group": "children",
     "type": "programme"},
    {"q": "therapy", "type": "evaluation", "rating": "supported", "practice": "healthcare"},
    {"q": "grooming", "target_group": "children", "available_in": "de", "type": "programme"},
]  # fmt: skip
MATCH_ALL = [{}]

# Facets kept as columns of the Wagtail-side model; the others are many-to-many relations to
# the real vocabulary tables, as a Wagtail site would model them.
SINGLE_VALUED = ("type", "language", "rating", "year")
MULTI_VALUED = {  # facet -> (vocabulary model name, its stable value field)
    "target_group": ("TargetGroup", "slug"),
    "practice": ("Practice", "slug"),
    "prevention_level": ("PreventionLevel", "slug"),
    "setting": ("Setting", "slug"),
    "topic": ("Topic", "slug"),
    "country": ("Country", "code"),
    "available_in": ("Language", "code"),
}


def weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Vocabulary:
    """Facet values as stored in the real vocabulary tables, in a fixed order."""

    def __init__(self):
        from vocabularies import models

        self.values = {
            facet: list(
                getattr(models, model).objects.order_by(field).values_list(field, flat=True)
            )
            for facet, (model, field) in MULTI_VALUED.items()
        }
        self.values["country"] = list(
            models.Country.objects.filter(is_eu=True)
            .order_by("code")
            .values_list("code", flat=True)
        )
        self.values["available_in"] = [
            code.lower()
            for code in models.Language.objects.filter(is_eu_official=True)
            .order_by("code")
            .values_list("code", flat=True)
        ]
        missing = {c for codes in LANGUAGE_COUNTRIES.values() for c in codes} - set(
            self.values["country"]
        )
        if missing or not all(self.values.values()):
            raise SystemExit(f"The vocabulary tables are incomplete (missing {missing}).")


def synthetic_document(number, vocab, seed):
    """One ContentDocument dict, the same every time for the same number and seed."""
    from programmes.evidence import Level
    from search.documents import document

    rng = random.Random(seed * 1_000_003 + number)
    language = weighted(rng, LANGUAGE_WEIGHTS)
    type_ = weighted(rng, TYPE_WEIGHTS)
    bank = TEXT[language]
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    slots = {
        key: rng.choice(bank[key]) for key in ("target", "setting", "topic", "practice", "place")
    }

    def fill(template):
        return template.format(
            name=name,
            org=f"{rng.choice(bank['org'])} {name}",
            n=rng.randint(12, 900),
            months=rng.choice([6, 12, 18, 24, 36]),
            age=rng.randint(6, 16),
            **slots,
        )

    sentences = bank["sentences"]
    size = rng.randint(3, 5) if type_ == "support_service" else rng.randint(8, 14)
    body = " ".join(fill(s) for s in rng.sample(sentences, size))
    summary = " ".join(fill(s) for s in rng.sample(sentences, 2))
    title = fill(rng.choice(bank["titles"][type_]))
    countries = {rng.choice(LANGUAGE_COUNTRIES[language])}
    countries |= set(rng.sample(vocab.values["country"], rng.choice([0, 0, 1, 2])))
    available = {language} | set(rng.sample(vocab.values["available_in"], rng.choice([0, 0, 1])))
    fields = {
        "summary": summary,
        "body": body,
        "country": sorted(countries),
        "available_in": sorted(available),
    }
    if type_ == "support_service":
        fields["date"] = datetime(2024, rng.randint(1, 12), rng.randint(1, 28), 12, tzinfo=UTC)
    else:
        year = rng.randint(2000, 2025)
        level = Level(weighted(rng, RATING_WEIGHTS))
        values = vocab.values
        fields.update(
            date=datetime(year, rng.randint(1, 12), rng.randint(1, 28), 12, tzinfo=UTC),
            year=year,
            rating=level.value,
            rating_rank=level.rank,
            target_group=sorted(rng.sample(values["target_group"], rng.randint(1, 3))),
            practice=sorted(rng.sample(values["practice"], rng.randint(1, 2))),
            prevention_level=sorted(rng.sample(values["prevention_level"], 1)),
            setting=sorted(rng.sample(values["setting"], rng.randint(1, 2))),
            topic=sorted(rng.sample(values["topic"], rng.randint(0, 3))),
        )
        if rng.random() < PRIVATE_SHARE:
            fields["visibility"] = [f"group:{rng.randint(1, 8)}"]
    return document(number, type_, title, language, f"/bench/{type_}/{number}/", **fields)


class _Item:
    """What the bench source's ``everything()`` yields: just a number."""

    __slots__ = ("pk",)

    def __init__(self, pk):
        self.pk = pk


class _Items:
    """Enough of a queryset for ``search.indexing.all_documents`` and ``count_objects``."""

    def __init__(self, count):
        self._count = count

    def iterator(self, chunk_size=None):
        return (_Item(number) for number in range(1, self._count + 1))

    def count(self):
        return self._count


class SyntheticSource:
    """A ``search.documents.Source`` whose objects are generated, not read from the database."""

    model = None
    type = "synthetic"

    def __init__(self, count, vocab, seed):
        self.count, self.vocab, self.seed = count, vocab, seed

    def everything(self):
        return _Items(self.count)

    def to_document(self, item):
        return synthetic_document(item.pk, self.vocab, self.seed)

    def key(self, pk):
        return f"{self.type}:{pk}"


# --- The Wagtail side ----------------------------------------------------------------------


@cache
def wagtail_model():
    """A bench-only model indexed by Wagtail's search, holding the same documents.

    Declared at run time in the ``search`` app so that it needs no migration; its tables are
    created in the bench database only. Single-valued facets are indexed columns, the others
    many-to-many relations to the real vocabulary tables, as a Wagtail site would model them.
    """
    from django.db import models

    from wagtail.search import index

    from vocabularies import models as vocabularies

    class BenchWagtailDocument(index.Indexed, models.Model):
        id = models.BigIntegerField(primary_key=True)
        title = models.CharField(max_length=500)
        summary = models.TextField(blank=True)
        body = models.TextField(blank=True)
        type = models.CharField(max_length=40, db_index=True)
        language = models.CharField(max_length=8, db_index=True)
        rating = models.CharField(max_length=20, null=True, db_index=True)
        year = models.CharField(max_length=4, null=True, db_index=True)
        date = models.DateTimeField(null=True, db_index=True)
        is_public = models.BooleanField(default=True, db_index=True)
        target_group = models.ManyToManyField(vocabularies.TargetGroup, related_name="+")
        practice = models.ManyToManyField(vocabularies.Practice, related_name="+")
        prevention_level = models.ManyToManyField(vocabularies.PreventionLevel, related_name="+")
        setting = models.ManyToManyField(vocabularies.Setting, related_name="+")
        topic = models.ManyToManyField(vocabularies.Topic, related_name="+")
        country = models.ManyToManyField(vocabularies.Country, related_name="+")
        available_in = models.ManyToManyField(vocabularies.Language, related_name="+")

        search_fields = [
            index.SearchField("title"),
            index.SearchField("summary"),
            index.SearchField("body"),
            index.FilterField("id"),
            index.FilterField("is_public"),
            index.FilterField("date"),
            *(index.FilterField(name) for name in (*SINGLE_VALUED, *MULTI_VALUED)),
        ]

        class Meta:
            app_label = "search"
            db_table = "bench_wagtail_document"

        def __str__(self):
            return self.title

    return BenchWagtailDocument


def build_wagtail_side(docs, batch_size=1000):
    """Fill the Wagtail-side model and Wagtail's own index with ``docs``. Returns the count."""
    from django.db import connection, transaction

    from wagtail.search.backends import get_search_backend

    from vocabularies import models as vocabularies

    model = wagtail_model()
    with connection.schema_editor() as editor:
        if model._meta.db_table not in connection.introspection.table_names():
            editor.create_model(model)
    ids = {
        facet: dict(getattr(vocabularies, name).objects.values_list(field, "pk"))
        for facet, (name, field) in MULTI_VALUED.items()
    }
    ids["available_in"] = {code.lower(): pk for code, pk in ids["available_in"].items()}
    backend = get_search_backend("default")
    written = 0
    with transaction.atomic():
        model.objects.all().delete()
        batch = []

        def flush():
            model.objects.bulk_create([obj for obj, _doc in batch])
            for facet in MULTI_VALUED:
                field = model._meta.get_field(facet)
                through = field.remote_field.through
                own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
                through.objects.bulk_create(
                    [
                        through(**{f"{own}_id": obj.pk, f"{other}_id": ids[facet][value]})
                        for obj, doc in batch
                        for value in doc[facet]
                    ],
                    batch_size=2000,
                )
            backend.add_bulk(model, [obj for obj, _doc in batch])

        for doc in docs:
            obj = model(
                id=int(doc["key"].split(":")[1]),
                title=doc["title"],
                summary=doc["summary"],
                body=doc["body"],
                type=doc["type"],
                language=doc["language"],
                rating=doc["rating"],
                year=doc["year"],
                date=doc["date"],
                is_public="public" in doc["visibility"],
            )
            batch.append((obj, doc))
            if len(batch) >= batch_size:
                flush()
                written += len(batch)
                batch = []
        if batch:
            flush()
            written += len(batch)
        backend.get_index_for_model(model)._refresh_title_norms(full=True)
    return written


def wagtail_search(params, per_page=20):
    """One search on Wagtail's backend: the hits' page, the total, one facet() per facet.

    Filters mirror ours: values of one facet OR-ed, facets AND-ed, public documents only.
    """
    from django.db import connection

    from wagtail.search.backends import get_search_backend
    from wagtail.search.query import MATCH_ALL as WAGTAIL_MATCH_ALL

    model = wagtail_model()
    backend = get_search_backend("default")
    queryset = model.objects.filter(is_public=True)
    for facet, value in params.items():
        values = value if isinstance(value, list | tuple) else [value]
        if facet == "q":
            continue
        if facet in MULTI_VALUED:
            lookup = f"{facet}__{MULTI_VALUED[facet][1]}__in"
            queryset = queryset.filter(pk__in=model.objects.filter(**{lookup: values}).values("pk"))
        else:
            queryset = queryset.filter(**{f"{facet}__in": values})
    if params.get("q"):
        results = backend.search(params["q"], queryset)
    else:
        results = backend.search(
            WAGTAIL_MATCH_ALL, queryset.order_by("-date", "id"), order_by_relevance=False
        )
    hits = list(results[:per_page])
    total = results.count()
    # The bench model has the catalogue's facets; materials' "adapted" count has no column there.
    facets = {facet: results.facet(facet) for facet in (*SINGLE_VALUED, *MULTI_VALUED)}
    connection.close()  # as a request with CONN_MAX_AGE = 0 would
    return total, hits, facets


# --- Timing --------------------------------------------------------------------------------


def percentile(sorted_values, share):
    return sorted_values[max(0, math.ceil(share * len(sorted_values)) - 1)]


def measure(run, variants, repeat, total, warmup=1, budget_s=None):
    """Time ``run(variant)`` ``repeat`` times, cycling through the variants, after warm-up passes.

    With ``budget_s``, stop after the last whole pass over the variants that fits in it (one
    pass at least). ``total`` reads the result count from what ``run`` returned, untimed.
    """
    for _ in range(warmup):
        for variant in variants:
            run(variant)
    timings, per_query, totals = [], [[] for _ in variants], [None] * len(variants)
    began = time.perf_counter()
    for i in range(max(repeat, len(variants))):
        index = i % len(variants)
        if budget_s and i and index == 0:
            passes = i // len(variants)
            if (time.perf_counter() - began) * (passes + 1) / passes > budget_s:
                break
        start = time.perf_counter()
        output = run(variants[index])
        elapsed = (time.perf_counter() - start) * 1000
        timings.append(elapsed)
        per_query[index].append(elapsed)
        totals[index] = total(output)
    timings.sort()
    return {
        "runs": len(timings),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(timings[-1], 1),
        "per_query_p50_ms": [round(statistics.median(t), 1) for t in per_query],
        "totals": totals,
    }


def api_runner(client):
    def run(params):
        response = client.get("/api/search/", params, HTTP_HOST=HOST)
        assert response.status_code == 200, (params, response.status_code, response.content)
        return response

    return run


def backend_runner():
    """Our search without the HTTP layer: parse, backend, facet options (as the view does)."""
    from django.db import connection
    from django.http import QueryDict

    from search import query, service

    def run(params):
        request = query.parse(QueryDict(urlencode(params, doseq=True)))
        results = service.run(request)
        connection.close()  # as a request with CONN_MAX_AGE = 0 would
        return results

    return run


# --- Publishing ----------------------------------------------------------------------------


def programme_catalogue():
    """A ProgrammeIndexPage under the default site (only that site's pages are indexed)."""
    from wagtail.models import Site

    from programmes.models import ProgrammeIndexPage

    site = Site.objects.get(is_default_site=True)
    catalogue = ProgrammeIndexPage.objects.descendant_of(site.root_page).first()
    if catalogue is None:
        catalogue = ProgrammeIndexPage(title="Programmes", slug="programmes")
        site.root_page.add_child(instance=catalogue)
        catalogue.save_revision().publish()
    return catalogue


def measure_publish(client, rounds, timeout=30):
    """Seconds from ``revision.publish()`` to /api/search/ returning the page, per round."""
    from programmes.models import ProgrammePage

    catalogue = programme_catalogue()
    letters = random.SystemRandom()
    times = []
    for _ in range(rounds):
        word = "publishprobe" + "".join(letters.choice(string.ascii_lowercase) for _ in range(8))
        page = ProgrammePage(
            title=f"Benchmark {word} programme",
            slug=f"bench-{word}",
            summary="A programme published by the search benchmark.",
            organisation="Search benchmark",
            live=False,
        )
        catalogue.add_child(instance=page)
        revision = page.save_revision()
        start = time.perf_counter()
        revision.publish()
        while True:
            found = client.get("/api/search/", {"q": word}, HTTP_HOST=HOST).json()
            if any(word in hit["title"] for hit in found.get("results", [])):
                break
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"The published page was not searchable after {timeout} s.")
            time.sleep(0.002)
        times.append(time.perf_counter() - start)
        page.delete()
    return times


# --- Main ----------------------------------------------------------------------------------


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=32, help="timed runs per search kind")
    parser.add_argument("--publish-rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--wagtail-budget",
        type=float,
        default=300,
        help="seconds for Wagtail's runs of one search kind (whole passes over the queries)",
    )
    parser.add_argument("--fresh", action="store_true", help="start the bench database again")
    parser.add_argument(
        "--analyze", action="store_true", help="gather SQLite's statistics before timing"
    )
    return parser.parse_args()


def prepare_database(args):
    """Point Django at the bench database; delete it if stale or ``--fresh``. Before setup."""
    DATA.mkdir(parents=True, exist_ok=True)
    wanted = {"documents": args.documents, "seed": args.seed, "generator": GENERATOR_VERSION}
    try:
        state = json.loads(STATE_PATH.read_text())
    except (OSError, ValueError):
        state = {}
    reuse = not args.fresh and state.get("data") == wanted and DB_PATH.exists()
    if not reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DB_PATH}{suffix}").unlink(missing_ok=True)
        STATE_PATH.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    # DEBUG would keep every SQL statement (the rebuild's are megabytes) and inflate the RSS.
    os.environ["DEBUG"] = "false"
    return reuse, wanted


def say(message):
    print(message, flush=True)


def main():
    args = parse_args()
    reuse, wanted = prepare_database(args)

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from search import rebuild
    from search.models import IndexedDocument

    assert Path(settings.DATABASES["default"]["NAME"]) == DB_PATH, "not the bench database"
    started = time.perf_counter()
    say(f"Bench database: {DB_PATH.relative_to(ROOT)} ({'reused' if reuse else 'new'})")
    call_command("migrate", verbosity=0, interactive=False)
    vocab = Vocabulary()

    # Wagtail's index of the same documents: built once, kept with the database.
    wagtail_index_s = None
    if not reuse:
        say(f"Indexing {args.documents} documents into Wagtail's database backend…")
        start = time.perf_counter()
        build_wagtail_side(
            synthetic_document(n, vocab, args.seed) for n in range(1, args.documents + 1)
        )
        wagtail_index_s = round(time.perf_counter() - start, 1)
        STATE_PATH.write_text(json.dumps({"data": wanted, "wagtail_index_s": wagtail_index_s}))
    else:
        wagtail_index_s = json.loads(STATE_PATH.read_text()).get("wagtail_index_s")
    model = wagtail_model()
    assert model.objects.count() == args.documents, "the Wagtail-side data is incomplete"

    # Generating the documents alone, to tell it apart from the rebuild's own work.
    start = time.perf_counter()
    for n in range(1, args.documents + 1):
        synthetic_document(n, vocab, args.seed)
    generation_s = time.perf_counter() - start

    say(f"Rebuilding the embedded index from {args.documents} synthetic documents…")
    source = SyntheticSource(args.documents, vocab, args.seed)
    start = time.perf_counter()
    written = rebuild.rebuild_embedded(sources=[source])
    rebuild_s = time.perf_counter() - start
    assert written == IndexedDocument.objects.count() == args.documents, written
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # keep the WAL file from growing
        # Query plans depend on SQLite's statistics. Django never gathers them, so by default
        # neither side has any; --analyze measures both with fresh ones.
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat4")
        if args.analyze:
            cursor.execute("ANALYZE")
    connection.close()
    say(f"  {rebuild_s:.1f} s, of which generating the documents ≈ {generation_s:.1f} s")

    client = Client()
    api = api_runner(client)
    ours_backend = backend_runner()
    say(f"Timing {args.repeat} runs per search kind…")

    def api_total(response):
        return response.json()["total"]

    def backend_total(results):
        return results.total

    def wagtail_total(output):
        return output[0]

    results = {}
    for name, variants in (
        ("text query, 3 filters, all facets", TEXT_QUERIES),
        ("match-all, all facets", MATCH_ALL),
    ):
        results[name] = {
            "api": measure(api, variants, args.repeat, api_total),
            "backend": measure(ours_backend, variants, args.repeat, backend_total),
        }
        say(f"  {name}: ours done; Wagtail's (up to {args.wagtail_budget:.0f} s)…")
        results[name]["wagtail"] = measure(
            wagtail_search, variants, args.repeat, wagtail_total, warmup=0,
            budget_s=args.wagtail_budget,
        )  # fmt: skip

    say(f"Publishing {args.publish_rounds} programme pages and waiting until they are found…")
    publish_times = measure_publish(client, args.publish_rounds)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    text, match_all = results.values()
    ratio = text["api"]["p50_ms"] / text["wagtail"]["p50_ms"]
    summary = {
        "search_p95_ms": text["api"]["p95_ms"],
        "matchall_p95_ms": match_all["api"]["p95_ms"],
        "wagtail_ratio": round(ratio, 3),
        "rebuild_s": round(rebuild_s, 1),
        "publish_to_search_s": round(statistics.median(publish_times), 3),
        "peak_rss_mb": round(peak_rss_mb, 1),
    }

    say(f"\nSearch over {args.documents} synthetic documents (SQLite)")
    say(f"{'search':<36}{'measured by':<24}{'runs':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    labels = {
        "api": "/api/search/ (Client)",
        "backend": "our backend, no HTTP",
        "wagtail": "Wagtail database backend",
    }
    for name, by in results.items():
        for kind, r in by.items():
            say(
                f"{name:<36}{labels[kind]:<24}{r['runs']:>5}"
                f"{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}"
            )
    say("\nRatios, ours / Wagtail's (below 1: ours is faster):")
    for name, by in results.items():
        for kind in ("api", "backend"):
            say(
                f"  {name:<36}{labels[kind]:<24}"
                f"p50 {by[kind]['p50_ms'] / by['wagtail']['p50_ms']:.3f}   "
                f"p95 {by[kind]['p95_ms'] / by['wagtail']['p95_ms']:.3f}"
            )
    say("\nPer query: p50 ms of /api/search/ and of Wagtail's backend, result counts, query")
    for name, variants in (
        ("text query, 3 filters, all facets", TEXT_QUERIES),
        ("match-all, all facets", MATCH_ALL),
    ):
        ours, theirs = results[name]["api"], results[name]["wagtail"]
        for i, params in enumerate(variants):
            counts = f"{ours['totals'][i]} / {theirs['totals'][i]}"
            say(
                f"  {ours['per_query_p50_ms'][i]:>8}{theirs['per_query_p50_ms'][i]:>10}"
                f"{counts:>16}  {unquote_plus(urlencode(params, doseq=True)) or '(match-all)'}"
            )
    say(
        "\nWhat was compared: the same documents, filters and facets. Wagtail's side is its\n"
        "database backend (SQLite FTS5, settings.WAGTAILSEARCH_BACKENDS) over a bench-only\n"
        "Indexed model: title, summary and body as SearchFields; type, language, rating and\n"
        "year as FilterField columns; the multi-valued facets as many-to-many relations to the\n"
        "vocabulary tables. Per search: .search() (or MATCH_ALL, newest first), the first 20\n"
        "hits, .count(), and one .facet() per facet (11). Wagtail runs without the HTTP stack,\n"
        "stems nothing (ours ORs 18 languages' stems: hence the different counts), makes no\n"
        "snippets or labels, and counts every facet over the fully filtered results (ours\n"
        "leaves each facet's own selection out of its counts: one more query per selected\n"
        "facet). Each run of either side opens and closes its database connection, as a request\n"
        "does with CONN_MAX_AGE = 0. wagtail_ratio = /api/search/ p50 / Wagtail p50, text\n"
        "queries; Wagtail's runs stop after the last whole pass over the queries that fits in\n"
        f"--wagtail-budget ({args.wagtail_budget:.0f} s). SQLite statistics: "
        + (
            "gathered (ANALYZE) after the rebuild."
            if args.analyze
            else "none, as Django leaves\na database; without them SQLite runs Wagtail's FTS5 "
            "query once per indexed row.\nRun with --analyze to compare with statistics."
        )
    )
    say(
        f"\nRebuild of the embedded index: {rebuild_s:.1f} s "
        f"(generating the documents alone: {generation_s:.1f} s)"
    )
    if wagtail_index_s:
        say(f"Building Wagtail's index of the same documents (once per bench database): "
            f"{wagtail_index_s} s")  # fmt: skip
    say("Publish to searchable: " + ", ".join(f"{t * 1000:.0f} ms" for t in publish_times))
    say(f"Peak RSS: {peak_rss_mb:.0f} MB. Whole run: {time.perf_counter() - started:.0f} s")

    say("\nGoals:")
    checks = [
        ("text query p95", summary["search_p95_ms"], "ms", GOALS["search_p95_ms"], "<="),
        ("match-all p95", summary["matchall_p95_ms"], "ms", GOALS["matchall_p95_ms"], "<="),
        ("ratio to Wagtail (p50)", summary["wagtail_ratio"], "", GOALS["wagtail_ratio"], "<"),
        ("rebuild", summary["rebuild_s"], "s", GOALS["rebuild_s"], "<="),
        ("peak RSS", summary["peak_rss_mb"], "MB", GOALS["peak_rss_mb"], "<"),
    ]
    for label, value, unit, goal, op in checks:
        ok = value <= goal if op == "<=" else value < goal
        say(
            f"  {label:<24}{value:>9} {unit:<3} goal {op} {goal} {unit}: {'ok' if ok else 'MISSED'}"
        )

    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"search-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(
        json.dumps(
            {
                "documents": args.documents,
                "seed": args.seed,
                "repeat": args.repeat,
                "analyze": args.analyze,
                "summary": summary,
                "results": results,
                "rebuild_s": rebuild_s,
                "generation_s": generation_s,
                "wagtail_index_s": wagtail_index_s,
                "publish_s": publish_times,
                "text_queries": TEXT_QUERIES,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    say(f"\nWritten to {path.relative_to(ROOT)}")
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
