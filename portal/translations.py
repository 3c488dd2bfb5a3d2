"""One page per translation family, and which version of it to show.

Every translation of a page shares its ``translation_key``: together they are a family. Where
a list shows each family once (the API's items, a programme's evaluations and reports, the
programmes of a country, a material's adaptations), the version shown is chosen in one order:

1. the visitor's language (``lang``);
2. else the default language, English (``settings.LANGUAGE_CODE``);
3. else the family's original: its oldest version (the lowest id), which the others were
   translated from.

The same order is written twice below, once for the database (to page and sort in SQL) and
once for pages already fetched; both come from ``_ranks``, so they cannot drift apart.
"""

from django.conf import settings
from django.db.models import Case, IntegerField, OuterRef, Subquery, Value, When


def _ranks(lang):
    """The languages preferred, best first; any other language ranks after them."""
    return (lang, settings.LANGUAGE_CODE)


def family_rank(page, lang):
    """A sort key for ``page`` among its family: lower is shown first. Reads
    ``page.locale``, so fetch the pages with ``select_related("locale")``."""
    code = page.locale.language_code
    ranks = _ranks(lang)
    return (ranks.index(code) if code in ranks else len(ranks), page.pk)


def family_rank_expression(lang):
    """``family_rank`` as an SQL expression (without the id, which callers order by)."""
    ranks = _ranks(lang)
    return Case(
        *(When(locale__language_code=code, then=Value(rank)) for rank, code in enumerate(ranks)),
        default=Value(len(ranks)),
        output_field=IntegerField(),
    )


def one_per_family(pages, lang):
    """Of the ``pages`` (a queryset) sharing a translation key, the one to show in ``lang``,
    as a queryset. The ``pages`` conditions (filters) apply to the choice too."""
    chosen = (
        pages.filter(translation_key=OuterRef("translation_key"))
        .annotate(_family_rank=family_rank_expression(lang))
        .order_by("_family_rank", "pk")
        .values("pk")[:1]
    )
    return pages.filter(pk=Subquery(chosen))


def pick_one_per_family(pages, lang):
    """Of the fetched ``pages``, the one of each family to show in ``lang``; families come
    in the order their first page came."""
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or family_rank(page, lang) < family_rank(current, lang):
            chosen[page.translation_key] = page
    return list(chosen.values())
