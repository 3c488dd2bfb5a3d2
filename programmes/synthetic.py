"""Large synthetic catalogues for benchmarks.

They live under their own site (hostname ``bench.localhost``), outside the demo site's tree,
so visitors of the demo never see them. Titles say they are synthetic.
"""

import random

from django.db import transaction

from wagtail.models import Page, Site

from vocabularies.models import Country, Outcome, Practice, PreventionLevel, TargetGroup

from .models import EvaluationPage, EvaluationResult, ProgrammeIndexPage, ProgrammePage, StudyDesign

BENCH_HOSTNAME = "bench.localhost"


def bench_catalogue():
    """The synthetic catalogue's index page, created with its own site on first use."""
    from portal.models import HomePage

    site = Site.objects.filter(hostname=BENCH_HOSTNAME).select_related("root_page").first()
    if site:
        return ProgrammeIndexPage.objects.child_of(site.root_page).first()
    root = Page.get_first_root_node()
    home = HomePage(title="Synthetic benchmark site", slug="synthetic-bench")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(hostname=BENCH_HOSTNAME, port=80, root_page=home, site_name="Benchmarks")
    index = ProgrammeIndexPage(title="Synthetic programmes", slug="programmes")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


class _Vocabulary:
    def __init__(self):
        self.target_groups = list(TargetGroup.objects.all())
        self.practices = list(Practice.objects.all())
        self.levels = list(PreventionLevel.objects.all())
        self.countries = list(Country.objects.filter(is_eu=True))
        self.outcomes = list(Outcome.objects.all())
        self.designs = list(StudyDesign.objects.all())


def _programme(rng, vocab, number):
    page = ProgrammePage(
        title=f"Synthetic programme {number}",
        slug=f"synthetic-{number}",
        summary="A synthetic programme generated for benchmarks. It does not exist.",
        organisation="Synthetic benchmark data",
    )
    page.target_groups.set(rng.sample(vocab.target_groups, 2))
    page.practices.set(rng.sample(vocab.practices, 2))
    page.prevention_levels.set(rng.sample(vocab.levels, 1))
    page.countries.set(rng.sample(vocab.countries, 3))
    return page


def _evaluation(rng, vocab, number, index):
    page = EvaluationPage(
        title=f"Synthetic evaluation {number}.{index}",
        slug=f"evaluation-{index}",
        reference="Synthetic reference for benchmarks.",
        design=rng.choice(vocab.designs),
        sample_size=rng.randint(10, 500),
        follow_up_months=rng.choice([None, 6, 12, 24]),
    )
    page.results = [
        EvaluationResult(
            outcome=outcome,
            direction=rng.choice(["positive", "positive", "none", "harmful"]),
            significance=rng.choice(["significant", "not_significant", "not_reported"]),
        )
        for outcome in rng.sample(vocab.outcomes, 2)
    ]
    return page


def generate(count, evaluations_per_programme=2, seed=0, progress=None):
    """Add ``count`` synthetic programmes (numbered after the existing ones)."""
    rng = random.Random(seed)
    index = bench_catalogue()
    vocab = _Vocabulary()
    start = ProgrammePage.objects.child_of(index).count() + 1
    for number in range(start, start + count):
        with transaction.atomic():
            programme = _programme(rng, vocab, number)
            index.add_child(instance=programme)
            programme.save_revision().publish()
            for i in range(1, evaluations_per_programme + 1):
                evaluation = _evaluation(rng, vocab, number, i)
                programme.add_child(instance=evaluation)
                evaluation.save_revision().publish()
        # Publishing queues the rating refresh (programmes.signals), run when the block commits.
        if progress:
            progress()
    return index
