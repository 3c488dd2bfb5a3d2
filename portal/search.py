"""What the site shell gives to search: its standard pages and the support services, and the
facets over the shared vocabularies that every app's documents use."""

from django.conf import settings
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from search import facets, registry
from search.documents import document, is_searchable_page, page_fields, plain, stream_text
from search.signals import sync_later
from vocabularies import labels
from vocabularies.locale_names import language_name
from vocabularies.models import (
    Country,
    Language,
    Outcome,
    Practice,
    PreventionLevel,
    Setting,
    TargetGroup,
    Topic,
)

from .models import StandardPage, SupportService


def standard_page_document(page):
    if not is_searchable_page(page):
        return None
    return document(
        page.pk,
        "page",
        page.title,
        summary=page.intro,
        body=stream_text(page.body),
        **page_fields(page),
    )


def support_service_document(service):
    """Support services have no language of their own: they are listed in every language."""
    languages = [language.code.lower() for language in service.languages.all()]
    return document(
        service.pk,
        "support_service",
        service.name,
        language=languages[0] if languages else "en",
        url=service.get_absolute_url(),
        summary=service.description,
        body=plain(" ".join([service.get_kind_display(), service.phone, service.website])),
        country=[service.country.code] if service.country_id else [],
        available_in=languages or ["en"],
        date=service.updated_at,
    )


registry.register(StandardPage, "page", _("Page"), standard_page_document)
registry.register(SupportService, "support_service", _("Support service"), support_service_document)


@receiver(m2m_changed, sender=SupportService.languages.through)
def on_service_languages_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, SupportService):
        sync_later(SupportService, [instance.pk])


# The facets over the shared vocabularies. Values are slugs, ISO 3166 codes (upper case) and
# language codes (lower case); the words people read come from the vocabularies.


def _terms(name, label, position, model, example, help):
    facets.register(
        facets.Facet(
            name,
            label,
            position=position,
            names=lambda: labels.names(model),
            vocabulary=name,
            help=f"{help} slug (vocabulary `{name}`).",
            example=example,
        )
    )


_terms("target_group", _("Target group"), 10, TargetGroup, "fear-they-might-offend", "Target group")
_terms("practice", _("Practice"), 20, Practice, "healthcare", "Practice")
_terms(
    "prevention_level", _("Prevention level"), 30, PreventionLevel, "secondary", "Prevention level"
)
_terms("setting", _("Setting"), 40, Setting, "prison-forensic", "Setting")
_terms("topic", _("Topic"), 50, Topic, "grooming", "Topic")
_terms("outcome", _("Outcome"), 60, Outcome, "sexual-reoffending", "Outcome")


def language_names():
    """Language codes with their names in the visitor's language: the vocabulary's, and CLDR's
    for a language of the interface that the vocabulary lacks."""
    interface = {code: language_name(code) or name for code, name in settings.LANGUAGES}
    return {**interface, **labels.names(Language)}


facets.register(
    facets.Facet(
        "country",
        _("Country"),
        position=70,
        names=lambda: labels.names(Country),
        case=str.upper,
        vocabulary="country",
        help="ISO 3166-1 alpha-2 country code, e.g. `DE` (vocabulary `country`).",
        example="DE",
    )
)
facets.register(
    facets.Facet(
        "language",
        _("Language"),
        position=80,
        names=language_names,
        case=str.lower,
        multi=False,
        vocabulary="language",
        help="Language code of the version, e.g. `de` (vocabulary `language`).",
        example="de",
    )
)
facets.register(
    facets.Facet(
        "available_in",
        _("Available in"),
        position=90,
        names=language_names,
        case=str.lower,
        vocabulary="language",
        help="Language code, e.g. `pl`: available in that language (vocabulary `language`).",
        example="pl",
    )
)
