from django.core.management.base import BaseCommand

from tqdm import tqdm

from portal.demo import load_site, load_support_services
from programmes.demo.loader import load_programmes, read_programmes
from programmes.ratings import refresh_all_ratings


class Command(BaseCommand):
    help = (
        "Load the demo content: real, publicly documented programmes with their evaluations. "
        "Safe to run again: nothing is duplicated and editors' changes are kept."
    )

    def handle(self, *args, **options):
        home, catalogue = load_site()
        programmes = read_programmes()
        with tqdm(
            total=len(programmes),
            desc="Programmes",
            unit="programme",
            disable=options["verbosity"] < 1,
        ) as bar:
            report = load_programmes(catalogue, programmes, progress=lambda _slug: bar.update())
        rated = refresh_all_ratings()
        services = load_support_services()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(report.created)} pages created, "
                f"{report.existing} programmes already present, {rated} programmes rated, "
                f"{services} support services added."
            )
        )
