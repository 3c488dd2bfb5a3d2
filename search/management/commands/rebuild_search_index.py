from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from search import backends, indexing, rebuild
from search.backends.elastic import ElasticsearchUnavailable
from search.models import IndexedDocument


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the published content: the embedded index, then "
        "Elasticsearch (into a new index, swapped in atomically) when ELASTICSEARCH_URL is set."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--embedded-only", action="store_true", help="Do not touch Elasticsearch."
        )

    def handle(self, *args, embedded_only=False, verbosity=1, **options):
        quiet = verbosity == 0
        total = indexing.count_objects()
        with tqdm(total=total, desc="Content", unit="item", disable=quiet, file=self.stderr) as bar:
            count = rebuild.rebuild_embedded(progress=bar.update)
        if not quiet:
            self.stdout.write(f"Embedded index: {count} documents.")
        if backends.elasticsearch_enabled() and not embedded_only:
            documents = IndexedDocument.objects.count()
            with tqdm(
                total=documents, desc="Elasticsearch", unit="doc", disable=quiet, file=self.stderr
            ) as bar:
                try:
                    name = rebuild.rebuild_elasticsearch(progress=bar.update)
                except rebuild.RejectedDocuments as exc:
                    raise CommandError(
                        f"{exc}. The alias was left on the previous index; the embedded index "
                        "was rebuilt and answers searches meanwhile."
                    ) from exc
                except ElasticsearchUnavailable as exc:
                    raise CommandError(
                        f"Elasticsearch is not reachable ({exc}). The embedded index was rebuilt "
                        "and answers searches meanwhile; run this command again later."
                    ) from exc
            if not quiet:
                self.stdout.write(f"Elasticsearch index {name}: {documents} documents.")
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))
