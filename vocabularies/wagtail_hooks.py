"""Editors manage the controlled vocabularies as snippets, grouped under one menu.

An app whose own lists belong beside them (the catalogue's study designs) adds its viewsets
with the ``register_vocabulary_viewsets`` hook, so this app never imports it."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    AdaptationKind,
    Barrier,
    Country,
    DeliveryMode,
    Language,
    LegalAnchor,
    Outcome,
    Practice,
    PreventionLevel,
    Setting,
    TargetGroup,
    Topic,
    VulnerableGroup,
)


def term_viewset(term_model, extra_columns=()):
    """A snippet viewset for a ``Term`` model: listed by name and slug, in the editors' order."""
    return type(
        f"{term_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": term_model,
            "list_display": ["name", "slug", *extra_columns],
            "search_fields": ["name", "slug"],
            "ordering": ["sort_order", "name"],
        },
    )


class CountryViewSet(SnippetViewSet):
    model = Country
    list_display = ["name", "code", "is_eu"]
    list_filter = ["is_eu"]
    search_fields = ["name", "code"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    list_display = ["name", "code", "is_eu_official"]
    list_filter = ["is_eu_official"]
    search_fields = ["name", "code"]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_order = 300
    items = [
        term_viewset(TargetGroup),
        term_viewset(Practice),
        term_viewset(PreventionLevel),
        term_viewset(LegalAnchor, ["article"]),
        term_viewset(Setting),
        term_viewset(DeliveryMode),
        term_viewset(Topic),
        term_viewset(VulnerableGroup),
        term_viewset(Outcome),
        term_viewset(Barrier),
        term_viewset(AdaptationKind),
        CountryViewSet,
        LanguageViewSet,
    ]

    def __init__(self):
        # Read when Wagtail registers the group, once every app's hooks are loaded.
        extra = [
            viewset for fn in hooks.get_hooks("register_vocabulary_viewsets") for viewset in fn()
        ]
        self.items = [*self.items[: len(self.items) - 2], *extra, *self.items[-2:]]
        super().__init__()


register_snippet(VocabularyGroup)
