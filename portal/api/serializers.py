"""What every published page shares as open data: its stable id and its language versions.
See ``portal.api.pages`` for the id scheme; views attach ``api_versions`` and ``api_url``."""

from rest_framework import serializers


class VersionSerializer(serializers.Serializer):
    language = serializers.CharField(help_text="Language code of this version.")
    title = serializers.CharField()
    url = serializers.CharField(help_text="Its address on the portal.")


class PageReferenceSerializer(serializers.Serializer):
    """Another item of the API, by its stable id."""

    id = serializers.UUIDField(source="translation_key")
    title = serializers.CharField()


class PageSerializer(serializers.ModelSerializer):
    """The fields every published page shares."""

    id = serializers.UUIDField(
        source="translation_key",
        help_text="Stable id: the same for every language version, and across republishing.",
    )
    language = serializers.CharField(
        source="locale.language_code", help_text="Language code of the version shown."
    )
    url = serializers.CharField(source="api_url", help_text="The version's address on the portal.")
    versions = VersionSerializer(source="api_versions", many=True)
    last_published_at = serializers.DateTimeField(allow_null=True)

    class Meta:
        fields = ["id", "title", "language", "url", "versions", "last_published_at"]
