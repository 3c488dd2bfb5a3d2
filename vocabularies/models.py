"""The controlled vocabularies every app shares. Seeded from DOMAIN.md (``seed.py``) by a data
migration; editors own them after.

A term is one row whatever the language (pages point at it), with its English ``name`` and
its names in the other languages in ``translations``; ``label`` is the one to show. Country
and language names come from CLDR (``locale_names``), not from editors.

The tables kept the names they had when the catalogue owned them (``programmes_practice`` …),
so moving the models here moved no data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .forms import TRANSLATED_LANGUAGES, TermForm, translation_field
from .locale_names import active_language, country_name, language_name


class Term(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Stable identifier used in URLs.")
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    # {language code: name}; edited through one field per language (``forms.TermForm``).
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    base_form_class = TermForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        MultiFieldPanel(
            [FieldPanel(translation_field(code)) for code in TRANSLATED_LANGUAGES],
            heading=_("Name in the other languages"),
            help_text=_("Where a language is left empty, visitors read the English name."),
        ),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the active language, else the English ``name``."""
        return self.translations.get(active_language()) or self.name


class Practice(Term):
    class Meta(Term.Meta):
        db_table = "programmes_practice"
        verbose_name = _("practice")
        verbose_name_plural = _("practices")


class TargetGroup(Term):
    class Meta(Term.Meta):
        db_table = "programmes_targetgroup"
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class PreventionLevel(Term):
    class Meta(Term.Meta):
        db_table = "programmes_preventionlevel"
        verbose_name = _("prevention level")
        verbose_name_plural = _("prevention levels")


class LegalAnchor(Term):
    article = models.CharField(_("article of Directive 2011/93/EU"), max_length=10, blank=True)

    panels = Term.panels + [FieldPanel("article")]

    class Meta(Term.Meta):
        db_table = "programmes_legalanchor"
        verbose_name = _("legal anchor")
        verbose_name_plural = _("legal anchors")


class Setting(Term):
    class Meta(Term.Meta):
        db_table = "programmes_setting"
        verbose_name = _("setting")
        verbose_name_plural = _("settings")


class DeliveryMode(Term):
    class Meta(Term.Meta):
        db_table = "programmes_deliverymode"
        verbose_name = _("delivery mode")
        verbose_name_plural = _("delivery modes")


class Topic(Term):
    class Meta(Term.Meta):
        db_table = "programmes_topic"
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class VulnerableGroup(Term):
    class Meta(Term.Meta):
        db_table = "programmes_vulnerablegroup"
        verbose_name = _("group with specific vulnerabilities")
        verbose_name_plural = _("groups with specific vulnerabilities")


class Outcome(Term):
    class Meta(Term.Meta):
        db_table = "programmes_outcome"
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")


class Barrier(Term):
    class Meta(Term.Meta):
        db_table = "programmes_barrier"
        verbose_name = _("implementation barrier")
        verbose_name_plural = _("implementation barriers")


class AdaptationKind(Term):
    class Meta(Term.Meta):
        db_table = "programmes_adaptationkind"
        verbose_name = _("kind of adaptation")
        verbose_name_plural = _("kinds of adaptation")


class Country(models.Model):
    code = models.CharField(_("ISO 3166 code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    is_eu = models.BooleanField(_("EU member state"), default=False)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("is_eu")]

    class Meta:
        db_table = "programmes_country"
        ordering = ["-is_eu", "name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The CLDR name in the active language; in English, or where CLDR has none, ``name``."""
        language = active_language()
        return (language != "en" and country_name(self.code, language)) or self.name


class Language(models.Model):
    code = models.CharField(_("ISO 639-1 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    is_eu_official = models.BooleanField(_("EU official language"), default=False)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("is_eu_official")]

    class Meta:
        db_table = "programmes_language"
        ordering = ["-is_eu_official", "name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The CLDR name in the active language; in English, or where CLDR has none, ``name``."""
        language = active_language()
        return (language != "en" and language_name(self.code, language)) or self.name
