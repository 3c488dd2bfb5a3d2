"""The controlled vocabularies every app shares. Seeded from DOMAIN.md (``seed.py``) by a data
migration; editors own them after.

The tables kept the names they had when the catalogue owned them (``programmes_practice`` …),
so moving the models here moved no data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class Term(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Stable identifier used in URLs.")
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


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
        return self.name


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
        return self.name
