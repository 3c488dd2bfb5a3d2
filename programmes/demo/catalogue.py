"""The catalogue's index page, under the home page: where the demo programmes go.

Idempotent like every demo loader: an existing catalogue under the home page is kept as
editors left it.
"""

from ..models import ProgrammeIndexPage

CATALOGUE_INTRO = (
    "Prevention programmes from across Europe and beyond, with what is known about whether "
    "they work. Every rating is computed from published evaluations and explained."
)


def ensure_catalogue(home):
    """The programme catalogue under ``home``, created and published if there is none."""
    index = ProgrammeIndexPage.objects.child_of(home).first()
    if index is None:
        index = ProgrammeIndexPage(
            title="Programmes", slug="programmes", intro=CATALOGUE_INTRO, show_in_menus=True
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index
