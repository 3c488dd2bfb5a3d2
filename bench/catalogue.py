"""Benchmark the catalogue: response time, database queries and memory per page.

Usage: .venv/bin/python bench/catalogue.py [--programmes 500] [--repeat 20]

Builds (once) a synthetic catalogue on its own site (bench.localhost) with
``generate_synthetic_catalogue``, then renders the index page (first page, a filtered page,
a late page) and a programme page through the full Django stack, and reports the median and
95th-percentile time, the number of queries and the peak Python memory of each. Results are
printed and written to bench/results/catalogue-<timestamp>.json. Goals are checked here, never
as timed assertions in the test suite.
"""

import argparse
import json
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from wagtail.models import Site  # noqa: E402

from programmes.models import ProgrammePage  # noqa: E402
from programmes.synthetic import BENCH_HOSTNAME, bench_catalogue, generate  # noqa: E402

GOALS_MS = {"index": 300, "filtered index": 300, "late index page": 300, "programme": 200}


def measure(client, url, repeat):
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=BENCH_HOSTNAME)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    reset_queries()  # the log is a bounded deque: a full one would count nothing
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST=BENCH_HOSTNAME)
    tracemalloc.start()
    client.get(url, HTTP_HOST=BENCH_HOSTNAME)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "queries": len(queries),
        "peak_memory_kib": round(peak / 1024),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programmes", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    # As Django's test runner does: keep one connection so queries can be counted.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    index = bench_catalogue()
    existing = ProgrammePage.objects.child_of(index).count()
    if existing < args.programmes:
        print(f"Generating {args.programmes - existing} synthetic programmes…")
        generate(args.programmes - existing)
    programme = ProgrammePage.objects.child_of(index).order_by("path").first()
    client = Client()
    pages = {
        "index": "/programmes/",
        "filtered index": "/programmes/?target_group=children&target_group=general-public"
        "&country=DE&rating=promising&rating=supported&rating=no_effect",
        "late index page": f"/programmes/?page={max(1, args.programmes // 20)}",
        "programme": programme.relative_url(Site.objects.get(hostname=BENCH_HOSTNAME)),
    }
    results = {name: measure(client, url, args.repeat) for name, url in pages.items()}
    print(f"\nCatalogue of {max(existing, args.programmes)} programmes, {args.repeat} runs each")
    print(f"{'page':<18}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'peak KiB':>10}  goal")
    for name, r in results.items():
        goal = GOALS_MS[name]
        verdict = "ok" if r["p95_ms"] <= goal else "SLOW"
        print(
            f"{name:<18}{r['median_ms']:>10}{r['p95_ms']:>9}{r['queries']:>9}"
            f"{r['peak_memory_kib']:>10}  p95 <= {goal} ms: {verdict}"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"catalogue-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"programmes": args.programmes, "results": results}, indent=2))
    print(f"\nWritten to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
