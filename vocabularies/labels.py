"""The words people read for stored vocabulary values (slugs and ISO codes).

Documents, URLs and the API store stable values; the names come from here at display time, so
renaming a term needs no reindex. Names are read once and kept for a few minutes, and forgotten
as soon as a term changes."""

import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Country, Language, Term

_TTL_SECONDS = 300
_cache = {}  # model -> (loaded_at, {value: name})


def names(model):
    """``{value: name}`` of a vocabulary: slugs for terms, codes for countries and languages
    (language codes lower case, as documents and URLs store them)."""
    loaded_at, found = _cache.get(model, (0.0, None))
    if found is None or time.monotonic() - loaded_at > _TTL_SECONDS:
        found = _load(model)
        _cache[model] = (time.monotonic(), found)
    return found


def _load(model):
    if model is Country:
        return dict(Country.objects.values_list("code", "name"))
    if model is Language:
        return {code.lower(): name for code, name in Language.objects.values_list("code", "name")}
    return dict(model.objects.values_list("slug", "name"))


def forget():
    _cache.clear()


@receiver(post_save)
@receiver(post_delete)
def _on_vocabulary_changed(sender, **kwargs):
    if issubclass(sender, Term | Country | Language):
        forget()
