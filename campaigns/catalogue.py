"""Browsing materials: the filter form, the filtering it drives, and what a result card shows.

Plain GET parameters, so every filtered view is a shareable URL and works without JavaScript.
Values of one filter combine with OR; different filters combine with AND.

A material *is available in* a language when it has a file in that language, when a live
translation of it is in that locale, or when it is itself written in that language
(``MaterialPage.content_language_code``). The browser lists every language's tree, each
material once in the visitor's language where it has a version, so a German translation of an
English poster is found from the English index under "German", and read in German on /de/.
"""

from collections import defaultdict

from django import forms
from django.db.models import Prefetch, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from portal.filters import FacetFilterForm, multiple_terms
from portal.translations import one_per_family
from vocabularies.models import Language, TargetGroup, Topic

from .choices import MaterialKind
from .models import CampaignPage, MaterialFile, MaterialPage

FILTER_NAMES = ("audience", "kind", "topic", "language")


def in_every_version_of(root):
    """A condition selecting pages under ``root`` or under any translation of it."""
    trees = Q()
    for version in root.get_translations(inclusive=True).only("path", "depth"):
        trees |= Q(path__startswith=version.path, depth__gt=version.depth)
    return trees


def browsable_materials(root):
    """Live materials under ``root`` and its translations, each once, in the visitor's
    language where it has a version (``portal.translations``), with what a card shows."""
    pages = MaterialPage.objects.live().filter(in_every_version_of(root))
    return (
        one_per_family(pages, get_language())
        .select_related("locale", "language", "adapted_for")
        .prefetch_related(
            "audiences",
            Prefetch("files", queryset=MaterialFile.objects.select_related("language")),
        )
        .order_by("title", "pk")
    )


def offered_languages(requested=()):
    """The language filter's choices: languages some live material is available in (in any
    locale), so it never offers one that finds nothing, plus those a shared URL asks for."""
    live = MaterialPage.objects.live()
    return Language.objects.filter(
        Q(pk__in=MaterialFile.objects.filter(page__in=live).values("language"))
        | Q(pk__in=live.filter(language__isnull=False).values("language"))
        | Q(code__in=live.filter(language__isnull=True).values("locale__language_code"))
        | Q(code__in=requested)
    )


class MaterialFilterForm(FacetFilterForm):
    audience = multiple_terms(_("Audience"), TargetGroup.objects.all())
    kind = forms.MultipleChoiceField(
        label=_("Kind of material"),
        choices=MaterialKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topic = multiple_terms(_("Topic"), Topic.objects.all())
    language = multiple_terms(_("Available in"), Language.objects.none(), to_field_name="code")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        requested = self.data.getlist("language") if self.is_bound else []
        self.fields["language"].queryset = offered_languages(requested)


def _available_in(languages, locale):
    """A condition on translation keys: materials available in any of ``languages``."""
    codes = [language.code.lower() for language in languages]
    live = MaterialPage.objects.live().filter(alias_of__isnull=True)  # an alias is no translation
    in_the_language = live.filter(
        Q(files__language__in=languages)
        | Q(language__in=languages)
        | Q(language__isnull=True, locale__language_code__in=codes)
    )
    # A translation into that locale; the browsed locale's own pages count only by content
    # language, so an adaptation into Polish is not "available in English".
    translated = live.filter(locale__language_code__in=codes).exclude(locale=locale)
    return Q(translation_key__in=in_the_language.values("translation_key")) | Q(
        translation_key__in=translated.values("translation_key")
    )


def filter_materials(materials, selected, locale):
    """Narrow ``materials`` (pages of ``locale``) by the form's ``selected()`` values."""
    if selected.get("audience"):
        materials = materials.filter(
            pk__in=MaterialPage.objects.filter(audiences__in=selected["audience"]).values("pk")
        )
    if selected.get("topic"):
        materials = materials.filter(
            pk__in=MaterialPage.objects.filter(topics__in=selected["topic"]).values("pk")
        )
    if selected.get("kind"):
        materials = materials.filter(kind__in=selected["kind"])
    if selected.get("language"):
        materials = materials.filter(_available_in(selected["language"], locale))
    return materials


def annotate_cards(materials):
    """Give each material on a result page its campaign and the languages it is available in.

    Runs a fixed number of queries for the whole page of results: ``material.campaign`` and
    ``material.available_in`` (Language objects, by name).
    """
    materials = list(materials)
    if not materials:
        return materials
    campaigns = {
        campaign.path: campaign
        for campaign in CampaignPage.objects.filter(
            path__in={material.path[: -Page.steplen] for material in materials}
        ).only("title", "url_path", "path", "depth", "locale")
    }
    translated = defaultdict(set)
    for key, code in (
        MaterialPage.objects.live()
        .filter(
            translation_key__in={material.translation_key for material in materials},
            alias_of__isnull=True,
        )
        .values_list("translation_key", "locale__language_code")
    ):
        translated[key].add(code)
    codes = set().union(*translated.values())
    codes |= {material.content_language_code for material in materials}
    languages = {
        language.code.lower(): language for language in Language.objects.filter(code__in=codes)
    }
    for material in materials:
        material.campaign = campaigns.get(material.path[: -Page.steplen])
        found = {
            languages[code] for code in translated[material.translation_key] if code in languages
        }
        if material.content_language_code in languages:
            found.add(languages[material.content_language_code])
        found |= {material_file.language for material_file in material.files.all()}
        material.available_in = sorted(found, key=lambda language: language.label)
    return materials


def files_by_language(files, first=()):
    """``[(language, [files])]``: the languages in ``first`` (codes) first, then by name."""
    groups = defaultdict(list)
    for material_file in files:
        groups[material_file.language].append(material_file)
    priority = {}
    for position, code in enumerate(first):
        priority.setdefault(code, position)

    def order(language):
        return (priority.get(language.code.lower(), len(priority)), language.label)

    return [(language, groups[language]) for language in sorted(groups, key=order)]
