from django.core.management.base import BaseCommand

from programmes.ratings import refresh_all_ratings


class Command(BaseCommand):
    help = "Recompute every programme's evidence rating from its published evaluations."

    def handle(self, *args, **options):
        count = refresh_all_ratings()
        self.stdout.write(self.style.SUCCESS(f"Rated {count} programmes."))
