"""Human labels for facet values. Documents store stable values (slugs, ISO codes); the
words people read come from the vocabularies at display time, so renaming a term needs no
reindex. Labels are read once and kept for a few minutes, and forgotten when a term changes."""

import time

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from programmes.choices import RatingLevel

TYPE_LABELS = {
    "programme": _("Programme"),
    "evaluation": _("Evaluation"),
    "implementation_report": _("Implementation report"),
    "support_service": _("Support service"),
    "page": _("Page"),
    "working_group": _("Working group"),
    "output": _("Working-group output"),
    "discussion": _("Discussion"),
    "group_document": _("Group document"),
    "meeting": _("Meeting"),
    "campaign": _("Campaign"),
    "material": _("Campaign material"),
}

FACET_LABELS = {
    "type": _("Type"),
    "target_group": _("Target group"),
    "practice": _("Practice"),
    "prevention_level": _("Prevention level"),
    "setting": _("Setting"),
    "topic": _("Topic"),
    "outcome": _("Outcome"),
    "country": _("Country"),
    "language": _("Language"),
    "available_in": _("Available in"),
    "adapted": _("Adaptations"),
    "rating": _("Evidence rating"),
    "year": _("Year"),
}

_VOCABULARIES = {
    "target_group": "TargetGroup",
    "practice": "Practice",
    "prevention_level": "PreventionLevel",
    "setting": "Setting",
    "topic": "Topic",
    "outcome": "Outcome",
}
_TTL_SECONDS = 300
_cache = {"loaded_at": 0.0, "labels": {}}


def _load():
    from programmes import models

    labels = {facet: dict(getattr(models, name).objects.values_list("slug", "name"))
              for facet, name in _VOCABULARIES.items()}  # fmt: skip
    labels["country"] = dict(models.Country.objects.values_list("code", "name"))
    languages = {code.lower(): name for code, name in models.Language.objects.values_list(
        "code", "name")}  # fmt: skip
    languages.update(dict(settings.LANGUAGES))
    labels["language"] = labels["available_in"] = languages
    return labels


def forget():
    _cache["loaded_at"] = 0.0


def label(facet, value):
    if facet == "type":
        return str(TYPE_LABELS.get(value, value))
    if facet == "rating":
        return str(RatingLevel(value).label) if value in RatingLevel.values else value
    if facet == "year":
        return value
    if facet == "adapted":
        return _("Adapted in %(number)s+ countries") % {"number": value}
    if time.monotonic() - _cache["loaded_at"] > _TTL_SECONDS:
        _cache["labels"] = _load()
        _cache["loaded_at"] = time.monotonic()
    return _cache["labels"].get(facet, {}).get(value, value)
