from django.conf import settings
from django.core.management.base import BaseCommand

from tqdm import tqdm

from campaigns.demo import load_campaigns
from portal.demo import ensure_home_page, load_site, load_support_services
from programmes.demo.catalogue import ensure_catalogue
from programmes.demo.loader import load_programmes, load_reports, read_programmes
from programmes.demo.submissions import load_submissions
from programmes.ratings import refresh_all_ratings
from working_groups.demo import load_working_groups


class Command(BaseCommand):
    help = (
        "Load the demo content: real, publicly documented programmes with their evaluations "
        "and rating history, illustrative implementation reports, the working groups with a "
        "published output, and campaigns with their materials (placeholder files, "
        "translations and adaptations). With DEBUG on, also demo members with a shared "
        "password, a lived-in private space and submissions awaiting moderation. Safe to run "
        "again: nothing is duplicated and editors' changes are kept."
    )

    def handle(self, *args, **options):
        # Each app loads its own demo content; the order matters where one app's pages link
        # to another's (the home page's ways in lead to the catalogue).
        home = ensure_home_page()
        catalogue = ensure_catalogue(home)
        load_site(home, catalogue)
        programmes = read_programmes()
        with tqdm(
            total=len(programmes),
            desc="Programmes",
            unit="programme",
            disable=options["verbosity"] < 1,
        ) as bar:
            report = load_programmes(catalogue, programmes, progress=lambda _slug: bar.update())
        reports = load_reports(catalogue)
        rated = refresh_all_ratings()
        services = load_support_services()
        # Demo people have a published password: never on a server with DEBUG off.
        groups = load_working_groups(include_people=settings.DEBUG)
        submissions = load_submissions(catalogue) if settings.DEBUG else 0
        campaigns = load_campaigns(home)
        pages = len(report.created) + len(reports.created) + campaigns.pages
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {pages} pages created, "
                f"{report.existing} programmes already present, {rated} programmes rated, "
                f"{len(reports.created)} implementation reports added, "
                f"{services} support services added, {groups.groups} working groups and "
                f"{groups.outputs} group outputs added, {campaigns.campaigns} campaigns, "
                f"{campaigns.materials} campaign materials, {campaigns.translations} material "
                f"translations and {campaigns.files} placeholder files added."
            )
        )
        if groups.logins:
            self._write_logins(groups, submissions)

    def _write_logins(self, groups, submissions):
        self.stdout.write(
            f"Demo people: {groups.people} added, with {groups.threads} discussions, "
            f"{groups.documents} documents and {groups.meetings} meetings; "
            f"{submissions} demo submissions added (see the CMS's moderation queue)."
        )
        self.stdout.write(f'Demo logins (development only), password "{groups.password}":')
        width = max(len(email) for email, _who in groups.logins)
        for email, who in groups.logins:
            self.stdout.write(f"  {email.ljust(width)}  {who}")
