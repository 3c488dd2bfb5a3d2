"""Editors manage the controlled vocabularies as snippets, grouped under one menu."""

from django.utils.translation import gettext_lazy as _

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
    StudyDesign,
    TargetGroup,
    Topic,
    VulnerableGroup,
)


def _term_viewset(term_model, extra_columns=()):
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
        _term_viewset(TargetGroup),
        _term_viewset(Practice),
        _term_viewset(PreventionLevel),
        _term_viewset(LegalAnchor, ["article"]),
        _term_viewset(Setting),
        _term_viewset(DeliveryMode),
        _term_viewset(Topic),
        _term_viewset(VulnerableGroup),
        _term_viewset(Outcome),
        _term_viewset(StudyDesign, ["tier"]),
        _term_viewset(Barrier),
        _term_viewset(AdaptationKind),
        CountryViewSet,
        LanguageViewSet,
    ]


register_snippet(VocabularyGroup)
