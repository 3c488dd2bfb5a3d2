from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from programmes.synthetic import BENCH_HOSTNAME, generate


class Command(BaseCommand):
    help = (
        "Generate a large synthetic catalogue for benchmarks, on its own site "
        f"({BENCH_HOSTNAME}); the demo site never shows it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--programmes", type=int, required=True, help="How many to add.")
        parser.add_argument("--evaluations", type=int, default=2, help="Per programme.")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, **options):
        count = options["programmes"]
        if count < 1:
            raise CommandError("--programmes must be at least 1.")
        with tqdm(
            total=count, desc="Synthetic programmes", disable=options["verbosity"] < 1
        ) as bar:
            index = generate(count, options["evaluations"], options["seed"], progress=bar.update)
        self.stdout.write(
            self.style.SUCCESS(f"Added {count} synthetic programmes under {index.url_path}.")
        )
