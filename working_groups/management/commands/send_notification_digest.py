from django.core.management.base import BaseCommand

from working_groups.notifications import send_digests


class Command(BaseCommand):
    help = (
        "E-mail each member one digest of their working groups' new activity, with anything "
        "that could not be sent at once. Run it daily, e.g. from cron; safe to run again."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Sent {sent} digests.")
