"""Factories for the catalogue's page tree.

Pages go through the real tree (``parent=`` is required) and are then saved as a revision and
published like an editor would, so that Wagtail's signals fire. Pass ``live=False`` for a draft.
Vocabulary terms may be given as slugs (or codes for countries and languages).
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from programmes.models import (
    EvaluationPage,
    EvaluationResult,
    ImplementationReportPage,
    ProgrammeIndexPage,
    ProgrammePage,
    StudyDesign,
)
from vocabularies.models import (
    Country,
    Language,
    LegalAnchor,
    Outcome,
    Practice,
    PreventionLevel,
    TargetGroup,
)


def _terms(model, lookup, values):
    values = list(values)
    if all(isinstance(value, str) for value in values):
        found = list(model.objects.filter(**{f"{lookup}__in": values}))
        assert len(found) == len(values), f"unknown {model.__name__} in {values}"
        return found
    return values


def _m2m(name, model, lookup="slug"):
    """A post-generation hook that sets a ParentalManyToManyField from slugs or objects."""

    def hook(obj, create, extracted, **kwargs):
        if extracted:
            getattr(obj, name).set(_terms(model, lookup, extracted))

    hook.__name__ = name
    return factory.PostGeneration(hook)


class PublishedPageFactory(wagtail_factories.PageFactory):
    """Saves a revision after every post-generation hook ran, and publishes it unless a draft."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not create:
            return
        instance.save()
        revision = instance.save_revision()
        if instance.live:
            revision.publish()
            instance.refresh_from_db()  # Wagtail publishes a copy made from the revision


class ProgrammeIndexPageFactory(PublishedPageFactory):
    title = "Programmes"
    intro = "Prevention programmes from across Europe."

    class Meta:
        model = ProgrammeIndexPage


class ProgrammePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Programme {n:03d}")
    summary = factory.LazyAttribute(lambda page: f"What {page.title} does, in one paragraph.")
    organisation = "Example Prevention Foundation"
    source_url = "https://example.org/source"

    target_groups = _m2m("target_groups", TargetGroup)
    practices = _m2m("practices", Practice)
    prevention_levels = _m2m("prevention_levels", PreventionLevel)
    legal_anchors = _m2m("legal_anchors", LegalAnchor)
    countries = _m2m("countries", Country, "code")
    languages = _m2m("languages", Language, "code")

    class Meta:
        model = ProgrammePage


class EvaluationResultFactory(DjangoModelFactory):
    outcome = factory.LazyFunction(lambda: Outcome.objects.get(slug="knowledge"))
    direction = "positive"
    significance = "significant"
    sort_order = factory.Sequence(int)

    class Meta:
        model = EvaluationResult


class EvaluationPageFactory(PublishedPageFactory):
    """An evaluation; by default an RCT with 100 participants and one significant positive result.

    ``results`` takes a list of dicts for EvaluationResultFactory (``outcome`` may be a slug).
    """

    title = factory.Sequence(lambda n: f"Evaluation {n:03d}")
    reference = factory.LazyAttribute(lambda page: f"Author et al. (2020). {page.title}.")
    publication_year = 2020
    design = factory.LazyAttribute(lambda page: StudyDesign.objects.get(slug=page.design_slug))
    sample_size = 100

    class Params:
        design_slug = "rct"

    class Meta:
        model = EvaluationPage

    @factory.post_generation
    def results(obj, create, extracted, **kwargs):
        if not create:
            return
        for data in extracted if extracted is not None else [{}]:
            data = dict(data)
            if isinstance(data.get("outcome"), str):
                data["outcome"] = Outcome.objects.get(slug=data["outcome"])
            EvaluationResultFactory(evaluation=obj, **data)


class ImplementationReportPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Implementation report {n:03d}")
    country = factory.LazyFunction(lambda: Country.objects.get(code="DE"))
    place = "Berlin"
    started = datetime.date(2021, 3, 1)
    observations = "Sessions ran as planned; attendance was high."

    class Meta:
        model = ImplementationReportPage


class ImplementationReportWithKindsFactory(ImplementationReportPageFactory):
    """A report with kinds of adaptation and barrier, given as slugs:
    ``adaptation_kinds=["translation"], barrier_kinds=["funding"]``."""

    adaptation_kinds = _m2m(
        "adaptation_kinds",
        ImplementationReportPage._meta.get_field("adaptation_kinds").related_model,
    )
    barrier_kinds = _m2m(
        "barrier_kinds", ImplementationReportPage._meta.get_field("barrier_kinds").related_model
    )
