"""The words people read for stored vocabulary values (slugs and ISO codes).

Documents, URLs and the API store stable values; the names come from here at display time, so
renaming a term needs no reindex. Names are in the active language (a term's ``label``): they
are read once per language and kept for a few minutes, and forgotten as soon as a term changes."""

import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .locale_names import active_language
from .models import Country, Language, Term

_TTL_SECONDS = 300
_cache = {}  # (model, language) -> (loaded_at, {value: name})


def names(model):
    """``{value: name}`` of a vocabulary in the active language: slugs for terms, codes for
    countries and languages (language codes lower case, as documents and URLs store them)."""
    key = (model, active_language())
    loaded_at, found = _cache.get(key, (0.0, None))
    if found is None or time.monotonic() - loaded_at > _TTL_SECONDS:
        found = _load(model)
        _cache[key] = (time.monotonic(), found)
    return found


def _load(model):
    if model is Country:
        return {country.code: country.label for country in Country.objects.all()}
    if model is Language:
        return {language.code.lower(): language.label for language in Language.objects.all()}
    return {term.slug: term.label for term in model.objects.only("slug", "name", "translations")}


def forget():
    _cache.clear()


@receiver(post_save)
@receiver(post_delete)
def _on_vocabulary_changed(sender, **kwargs):
    if issubclass(sender, Term | Country | Language):
        forget()
