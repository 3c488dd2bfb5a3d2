"""Measure how the embedded search treats the 24 EU languages, on SQLite and PostgreSQL.

Usage: .venv/bin/python bench/languages.py [--backend sqlite|postgres|both]

For each language, a corpus of real words: inflection pairs (the document holds one form, the
query is the other) and accent cases (the query is typed without the accents or special
letters of the document's word). A language counts as stemmed on a backend when every one of
its cases is found, with the query's language known (``q_language``). Then a corpus of
look-alike words of different languages ("rodina"/"rodyti", "habs"/"haben" …): every query
of the whole bench is run again, and a result in another language than the query's that does
not hold the query word itself is a cross-language false match. Counted with the query's
language known (the target: 0) and, for information, unknown.

Each backend runs in a child process with its own throwaway database (SQLite:
bench/.data/languages.sqlite3; PostgreSQL: database ``bench_languages`` at 127.0.0.1:5432,
user postgres), migrated and filled through the real indexing code. The last line printed is
one JSON object: languages_stemmed_sqlite, languages_stemmed_postgres,
cross_language_false_matches (and the same count with the language unknown).
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This file is bench/languages.py: keep its folder off the path so ``search`` is the app.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
DATA = ROOT / "bench" / ".data"
SQLITE_PATH = DATA / "languages.sqlite3"
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_DB = "bench_languages"

# language -> (inflection pairs: (in the document, typed as the query)), (accent cases)
CORPUS = {
    "bg": ([("жертви", "жертва"), ("родителите", "родители"), ("семейства", "семейство")],
           [("майки", "маики")]),  # й typed as и
    "cs": ([("rodiny", "rodina"), ("školy", "škola"), ("rodičů", "rodiče")],
           [("oběti", "obeti")]),
    "da": ([("skolerne", "skole"), ("familier", "familie"), ("børnene", "børn")],
           [("børn", "born")]),
    "de": ([("Schulen", "Schule"), ("Kindern", "Kinder"), ("Gefängnissen", "Gefängnis")],
           [("Prävention", "Pravention"), ("Straße", "Strasse")]),
    "el": ([("σχολεία", "σχολείο"), ("οικογένειες", "οικογένεια"), ("θύματα", "θύμα")],
           [("πρόληψη", "προληψη")]),
    "en": ([("prisons", "prison"), ("helplines", "helpline"), ("offending", "offended")],
           [("café", "cafe")]),
    "es": ([("escuelas", "escuela"), ("familias", "familia"), ("niños", "niño")],
           [("prevención", "prevencion")]),
    "et": ([("perede", "pere"), ("vanemad", "vanem"), ("peredele", "pere")],
           [("õpetaja", "opetaja")]),
    "fi": ([("kouluissa", "koulu"), ("perheet", "perhe"), ("uhrit", "uhri")],
           [("yhteisö", "yhteiso")]),
    "fr": ([("écoles", "école"), ("enfants", "enfant"), ("victimes", "victime")],
           [("sécurité", "securite")]),
    "ga": ([("bpáistí", "páistí"), ("dtuismitheoirí", "tuismitheoirí"), ("mháthair", "máthair")],
           [("cúnamh", "cunamh")]),
    "hr": ([("škole", "škola"), ("obitelji", "obitelj"), ("žrtvama", "žrtva")],
           [("žrtve", "zrtve"), ("đaci", "daci")]),
    "hu": ([("iskolák", "iskola"), ("szülők", "szülő"), ("családban", "család")],
           [("börtön", "borton")]),
    "it": ([("scuole", "scuola"), ("bambini", "bambino"), ("famiglie", "famiglia")],
           [("società", "societa")]),
    "lt": ([("mokyklos", "mokykla"), ("šeimos", "šeima"), ("vaikams", "vaikai")],
           [("šeima", "seima")]),
    "lv": ([("skolām", "skola"), ("bērniem", "bērni"), ("ģimenes", "ģimene")],
           [("bērni", "berni")]),
    "mt": ([("vittmi", "vittma"), ("familji", "familja"), ("servizzi", "servizz")],
           [("ħabs", "habs"), ("għajnuna", "ghajnuna")]),
    "nl": ([("ouders", "ouder"), ("slachtoffers", "slachtoffer"), ("gezinnen", "gezin")],
           [("ideeën", "ideeen")]),
    "pl": ([("szkoły", "szkoła"), ("rodziny", "rodzina"), ("więzienia", "więzienie")],
           [("Łódź", "lodz"), ("pomocą", "pomoca")]),
    "pt": ([("escolas", "escola"), ("crianças", "criança"), ("famílias", "família")],
           [("prevenção", "prevencao")]),
    "ro": ([("școlile", "școli"), ("copiilor", "copii"), ("victimelor", "victime")],
           [("părinți", "parinti")]),
    "sk": ([("školy", "škola"), ("rodiny", "rodina"), ("rodičov", "rodič")],
           [("deťom", "detom"), ("pomôcť", "pomoct")]),
    "sl": ([("šole", "šola"), ("družine", "družina"), ("nasilja", "nasilje")],
           [("otroški", "otroski")]),
    "sv": ([("skolor", "skola"), ("familjer", "familj"), ("barnen", "barn")],
           [("fängelse", "fangelse")]),
}  # fmt: skip

# Words of one language that look like a word of another and mean something else:
# (query language, query word), (document language, document word).
LOOK_ALIKES = [
    (("cs", "rodina"), ("lt", "rodyti")),
    (("mt", "habs"), ("de", "haben")),
    (("en", "pain"), ("fr", "pains")),
    (("pl", "sklep"), ("cs", "sklepy")),
    (("sl", "kruh"), ("hr", "kruhovi")),
    (("de", "Rat"), ("ro", "ratei")),
    (("it", "burro"), ("es", "burros")),
    (("nl", "room"), ("en", "rooms")),
    (("sv", "rolig"), ("da", "roligere")),
    (("fi", "kuka"), ("et", "kukad")),
]


def cases():
    """Every measured case: (language, kind, document word, query word)."""
    for language, (pairs, accents) in CORPUS.items():
        for document, query in pairs:
            yield language, "inflection", document, query
        for document, query in accents:
            yield language, "accent", document, query


# --- one backend, in a child process ---------------------------------------------------------


def prepare(backend):
    DATA.mkdir(parents=True, exist_ok=True)
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    else:
        import psycopg

        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DB}")
            conn.execute(f"CREATE DATABASE {POSTGRES_DB}")
        os.environ["DATABASE_URL"] = f"{POSTGRES_SERVER}/{POSTGRES_DB}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    os.environ["DEBUG"] = "false"


def measure(backend):
    prepare(backend)
    import django

    django.setup()
    from django.core.management import call_command

    from search import indexing, service, text
    from search.documents import document
    from search.query import SearchRequest

    call_command("migrate", verbosity=0, interactive=False)
    docs, number = [], 0
    for language, kind, word, _query in cases():
        number += 1
        docs.append(document(number, "page", f"{word} {kind}", language, f"/{number}/"))
    for _query, (language, word) in LOOK_ALIKES:
        number += 1
        docs.append(document(number, "page", word, language, f"/{number}/"))
    indexing.write(docs, queue=False)

    def found(q, q_language):
        request = SearchRequest(q=q, q_language=q_language, per_page=100, sort="relevance")
        return service.run(request).hits

    languages = {}
    for language, kind, word, query in cases():
        titles = {hit.title for hit in found(query, language)}
        row = languages.setdefault(language, {"inflection": [0, 0], "accent": [0, 0]})
        row[kind][0] += f"{word} {kind}" in titles
        row[kind][1] += 1
    queries = [(language, query) for language, _kind, _word, query in cases()]
    queries += [query for query, _document in LOOK_ALIKES]
    false = {"known": [], "unknown": []}
    for language, query in queries:
        for mode, q_language in (("known", language), ("unknown", "")):
            for hit in found(query, q_language):
                # The query word itself (accents folded) may be found in any language.
                own_words = {text.fold(w) for w in text.words(hit.title)}
                if hit.language != language and text.fold(query) not in own_words:
                    false[mode].append(f"{language}:{query} -> {hit.language}:{hit.title}")
    return {"languages": languages, "false_matches": false}


# --- the parent: both backends, a table, the JSON line ---------------------------------------


def run_child(backend):
    out = subprocess.run(  # noqa: S603 (this very script, with a fixed argument)
        [sys.executable, __file__, "--child", backend],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def stemmed(result, language):
    row = result["languages"][language]
    return all(found == total for found, total in row.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--child", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    results = {backend: run_child(backend) for backend in backends}
    print(f"{'language':<9}" + "".join(f"{b + ' infl.':>16}{b + ' accent':>16}" for b in backends))
    for language in CORPUS:
        cells = []
        for backend in backends:
            row = results[backend]["languages"][language]
            mark = "" if stemmed(results[backend], language) else " ✗"
            cells.append(f"{row['inflection'][0]}/{row['inflection'][1]}{mark}".rjust(16))
            cells.append(f"{row['accent'][0]}/{row['accent'][1]}".rjust(16))
        print(f"{language:<9}" + "".join(cells))
    summary = {}
    for backend in backends:
        false = results[backend]["false_matches"]
        print(f"\n{backend}: cross-language false matches, query language known: "
              f"{len(false['known'])}; unknown: {len(false['unknown'])}")  # fmt: skip
        for line in false["known"] + [f"(unknown) {m}" for m in false["unknown"]]:
            print(f"  {line}")
        summary[f"languages_stemmed_{backend}"] = sum(
            stemmed(results[backend], language) for language in CORPUS
        )
    summary["cross_language_false_matches"] = max(
        len(results[b]["false_matches"]["known"]) for b in backends
    )
    summary["cross_language_false_matches_language_unknown"] = max(
        len(results[b]["false_matches"]["unknown"]) for b in backends
    )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
