from django.core.management.base import BaseCommand

from search import backends, queue
from search.models import PendingChange


class Command(BaseCommand):
    help = "Send queued index changes to Elasticsearch. Safe to run at any time, e.g. from cron."

    def add_arguments(self, parser):
        parser.add_argument(
            "--due-only",
            action="store_true",
            help="Skip changes still waiting out their retry delay (for frequent cron runs).",
        )

    def handle(self, *args, due_only=False, **options):
        if not backends.elasticsearch_enabled():
            PendingChange.objects.all().delete()
            self.stdout.write("ELASTICSEARCH_URL is not set: nothing to send.")
            return
        sent, failed = queue.process(include_waiting=not due_only)
        left = PendingChange.objects.count()
        self.stdout.write(f"Sent {sent} changes; {failed} failed; {left} still queued.")
        if failed:
            self.stderr.write(self.style.WARNING("Elasticsearch refused or is down; retry later."))
