"""How a campaign material reads as open data: what it is, the terms of reuse, the languages
it can be had in (its own, its files', its translations' with their status) and its lineage
(what it was adapted from, for which country, with what changes, and what was made from it)."""

from wagtail.rich_text import expand_db_html

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.api.serializers import PageReferenceSerializer, PageSerializer
from vocabularies.serializers import CountrySerializer, LanguageSerializer, TermSerializer

from ..choices import TranslationStatus
from ..models import MaterialFile, MaterialPage, MaterialVideo

TRANSLATION_STATUSES = [("source", "Source"), *TranslationStatus.choices]


class CampaignSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(source="api_url")


class MaterialFileSerializer(serializers.ModelSerializer):
    language = serializers.CharField(source="language.code")
    title = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    file_size = serializers.IntegerField(source="document.file_size", allow_null=True)

    class Meta:
        model = MaterialFile
        fields = ["language", "title", "url", "file_size"]

    def get_title(self, material_file) -> str:
        return material_file.label or material_file.document.title

    def get_url(self, material_file) -> str:
        return self.context["request"].build_absolute_uri(material_file.document.url)


class MaterialVideoSerializer(serializers.ModelSerializer):
    language = serializers.CharField(source="language.code", allow_null=True, default=None)

    class Meta:
        model = MaterialVideo
        fields = ["title", "url", "language"]


class TranslationSerializer(serializers.Serializer):
    language = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    status = serializers.ChoiceField(
        choices=TRANSLATION_STATUSES,
        help_text="`source`: the version translations are made from; `out_of_date`: the source "
        "was published again after this translation last took its content.",
    )


class ChangesSerializer(serializers.Serializer):
    """What an adaptation changed from the material it was adapted from."""

    helplines = serializers.CharField(source="changed_helplines")
    legal_references = serializers.CharField(source="changed_legal_references")
    imagery_culture = serializers.CharField(source="changed_imagery_culture")
    other = serializers.CharField(source="changed_other")


class AdaptationSerializer(PageReferenceSerializer):
    language = serializers.CharField(source="content_language_code")
    adapted_for = CountrySerializer()


class MaterialSerializer(PageSerializer):
    language = serializers.CharField(
        source="content_language_code", help_text="The language this version is written in."
    )
    kind_label = serializers.CharField(source="get_kind_display")
    licence_label = serializers.CharField(source="get_licence_display")
    audiences = TermSerializer(many=True, help_text="Target groups (the `target_group` filter).")
    topics = TermSerializer(many=True)
    country_of_origin = CountrySerializer(allow_null=True)
    language_of_origin = LanguageSerializer(allow_null=True)
    campaign = CampaignSerializer(source="api_campaign", allow_null=True)
    available_in = serializers.SerializerMethodField(
        help_text="Language codes: its own, its files' and its published translations'."
    )
    files = MaterialFileSerializer(many=True)
    videos = MaterialVideoSerializer(many=True)
    translations = TranslationSerializer(source="api_translations", many=True)
    adapted_from = PageReferenceSerializer(
        source="api_adapted_from", allow_null=True, help_text="Null unless an adaptation."
    )
    adapted_for = CountrySerializer(allow_null=True)
    changes = serializers.SerializerMethodField()
    adaptations = AdaptationSerializer(source="api_adaptations", many=True)
    adapted_in_countries = serializers.IntegerField(source="api_adapted_in")

    class Meta:
        model = MaterialPage
        fields = [
            *PageSerializer.Meta.fields,
            "summary",
            "kind",
            "kind_label",
            "audiences",
            "age_min",
            "age_max",
            "topics",
            "licence",
            "licence_label",
            "reuse_conditions",
            "owner_organisation",
            "country_of_origin",
            "language_of_origin",
            "source_url",
            "campaign",
            "available_in",
            "files",
            "videos",
            "translations",
            "adapted_from",
            "adapted_for",
            "changes",
            "adaptations",
            "adapted_in_countries",
        ]

    def get_available_in(self, material) -> list[str]:
        codes = {material.content_language_code}
        codes |= {material_file.language.code.lower() for material_file in material.files.all()}
        codes |= {translation["language"] for translation in material.api_translations}
        return sorted(codes)

    @extend_schema_field(ChangesSerializer(allow_null=True))
    def get_changes(self, material):
        return ChangesSerializer(material).data if material.is_adaptation else None


class MaterialDetailSerializer(MaterialSerializer):
    description = serializers.SerializerMethodField(help_text="HTML.")

    class Meta(MaterialSerializer.Meta):
        fields = [*MaterialSerializer.Meta.fields, "description"]

    def get_description(self, material) -> str:
        return expand_db_html(material.description)
