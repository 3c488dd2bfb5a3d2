"""Factories for campaigns and their materials.

Pages go through the real tree (``parent=`` is required) and are published like an editor would
(see ``PublishedPageFactory``); pass ``live=False`` for a draft. Audiences and topics may be given
as slugs, countries and languages as codes ("DE", "de").

    material = MaterialPageFactory(
        parent=campaign, audiences=["children"], topics=["grooming"],
        files=["en", ("de", "Poster (German)")], language_of_origin="en",
    )
    add_material_file(material, "fr")          # later, and publishes again
    german = translate(material, "de")         # a live translation, parents copied as needed
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

import factory
from factory.django import DjangoModelFactory

from campaigns.choices import Licence, MaterialKind
from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    MaterialFile,
    MaterialImage,
    MaterialPage,
    MaterialVideo,
)
from tests.factories.programmes import PublishedPageFactory, _m2m
from vocabularies.models import Country, Language, TargetGroup, Topic

COUNTRY_FIELDS = ("country_of_origin", "adapted_for")
LANGUAGE_FIELDS = ("language_of_origin", "language")


def language(code):
    return Language.objects.get(code=code.lower())


def country(code):
    return Country.objects.get(code=code.upper())


def _with_vocabulary(kwargs):
    """Turn country and language codes given to a page factory into objects."""
    for name in COUNTRY_FIELDS:
        if isinstance(kwargs.get(name), str):
            kwargs[name] = country(kwargs[name])
    for name in LANGUAGE_FIELDS:
        if isinstance(kwargs.get(name), str):
            kwargs[name] = language(kwargs[name])
    return kwargs


class DocumentFactory(DjangoModelFactory):
    """A small PDF-like document in the root collection."""

    title = factory.Sequence(lambda n: f"Material file {n}")
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"material-{n}.pdf"), data=b"%PDF-1.4 test " * 100
    )
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = get_document_model()


class ImageFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Material image {n}")
    file = factory.django.ImageField(width=40, height=30, color="orange")
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = get_image_model()


def _material_file(language_code, label="", **document):
    return MaterialFile(
        language=language(language_code), document=DocumentFactory(**document), label=label
    )


class CampaignIndexPageFactory(PublishedPageFactory):
    title = "Campaigns"
    slug = "campaigns"
    intro = "Campaigns and training materials to reuse, translate and adapt."

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Campaign {n:03d}")
    summary = factory.LazyAttribute(lambda page: f"What {page.title} is about, in one paragraph.")
    owner_organisation = "Example Prevention Network"
    source_url = "https://example.org/campaign"

    class Meta:
        model = CampaignPage

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        return _with_vocabulary(kwargs)


class MaterialPageFactory(PublishedPageFactory):
    """A published poster under CC BY, with no files unless ``files`` lists them.

    ``files``: language codes, or (code, label) pairs, one MaterialFile each.
    ``videos``: dicts for MaterialVideo (``language`` may be a code).
    ``images``: a number of images, or a list of captions.
    """

    title = factory.Sequence(lambda n: f"Material {n:03d}")
    summary = factory.LazyAttribute(lambda page: f"What {page.title} is, in one paragraph.")
    kind = MaterialKind.POSTER
    licence = Licence.CC_BY
    owner_organisation = "Example Prevention Network"

    audiences = _m2m("audiences", TargetGroup)
    topics = _m2m("topics", Topic)

    class Meta:
        model = MaterialPage

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        return _with_vocabulary(kwargs)

    @factory.post_generation
    def files(obj, create, extracted, **kwargs):
        for entry in extracted or []:
            code, label = (entry, "") if isinstance(entry, str) else entry
            obj.files.add(_material_file(code, label))

    @factory.post_generation
    def videos(obj, create, extracted, **kwargs):
        for data in extracted or []:
            data = dict(data)
            if isinstance(data.get("language"), str):
                data["language"] = language(data["language"])
            obj.videos.add(MaterialVideo(**data))

    @factory.post_generation
    def images(obj, create, extracted, **kwargs):
        captions = [""] * extracted if isinstance(extracted, int) else list(extracted or [])
        for caption in captions:
            obj.images.add(MaterialImage(image=ImageFactory(), caption=caption))


def add_material_file(material, language_code, label="", publish=True, **document):
    """Attach a file in a language (with a small new Document) and publish the material again.

    ``document`` goes to DocumentFactory, e.g. ``file__filename="poster.pdf"``.
    """
    material_file = _material_file(language_code, label, **document)
    material.files.add(material_file)
    material.save()
    if publish and material.live:
        material.save_revision().publish()
        material.refresh_from_db()
    return material.files.get(document=material_file.document)


def translate(page, language_code, publish=True):
    """A translation of a page into another locale (copying missing parents), published unless
    ``publish=False``. Like wagtail-localize's first sync: the same content, another locale."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    if publish:
        translation.save_revision().publish()
        translation.refresh_from_db()
    return translation
