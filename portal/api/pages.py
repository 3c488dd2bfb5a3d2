"""Pages as open data: what may be published, and one stable identity per page family.

A Wagtail page id belongs to one language version and changes when a version is re-created,
while every translation of a page shares its ``translation_key``. So the API's ``id`` of a
programme, evaluation, report or material is that translation key, a UUID: stable across
languages and republishing. An item lists its language ``versions``; the one it shows is in
the language asked for (``lang``) where there is one, else in the default language, else the
oldest version: the rule of ``portal.translations.one_per_family``, which the site's pages
follow too.

Only what a visitor may read appears: live pages, not behind a view restriction, on the portal's
own site (the rule of ``search.documents.is_searchable_page``), and no aliases (an alias is a
copy in another locale, not a translation).
"""

from collections import defaultdict

from django.db.models import F, Q
from django.db.models.functions import Substr

from wagtail.models import Page, Site


def _portal_site_condition():
    """Pages under the default site's root page or one of its translations (one query)."""
    roots = Page.objects.filter(
        translation_key__in=Site.objects.filter(is_default_site=True).values(
            "root_page__translation_key"
        )
    ).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in roots:
        condition |= Q(path__startswith=path)
    return condition


def published(model):
    """The pages of ``model`` a visitor may read: live, public, on the portal's site."""
    return (
        model.objects.live()
        .public()
        .filter(alias_of__isnull=True)
        .filter(_portal_site_condition())
        .select_related("locale")
    )


def parent_path():
    """An expression for a page's parent's path, to join a page to its parent in SQL."""
    return Substr("path", 1, (F("depth") - 1) * Page.steplen)


def _locale_code(page):
    return page.locale.language_code


def attach_versions(pages, model, request, language_of=_locale_code, related=()):
    """Give each page ``api_versions`` (every published language version of it, by language)
    and ``api_url`` (its own public address), in one query for all of them.

    A version is ``{"language", "title", "url", "locale"}``; ``language_of`` says what
    language a version is in (its locale's unless a model knows better)."""
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    versions = defaultdict(list)
    found = published(model).filter(translation_key__in=keys).select_related(*related)
    for version in found.order_by("pk"):
        versions[version.translation_key].append(
            {
                "language": language_of(version),
                "title": version.title,
                "url": version.get_full_url(request) or "",
                "locale": version.locale.language_code,
            }
        )
    for page in pages:
        page.api_versions = sorted(versions[page.translation_key], key=lambda v: v["language"])
        page.api_url = page.get_full_url(request) or ""
    return pages


def parents_by_path(pages, model):
    """``{page.pk: parent}`` for pages whose parent is a ``model`` page, in one query."""
    paths = {page.pk: page.path[: -Page.steplen] for page in pages}
    parents = {
        parent.path: parent
        for parent in model.objects.filter(path__in=set(paths.values())).select_related("locale")
    }
    return {pk: parents.get(path) for pk, path in paths.items()}


def chunks(iterable, size):
    """Lists of up to ``size`` items, for streaming exports in constant memory."""
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
