"""How vocabulary values read as open data, wherever a resource carries them: terms by
``slug`` and ``name``, countries and languages by ``code`` and ``name``."""

from rest_framework import serializers

from .models import Country, Language


class TermSerializer(serializers.Serializer):
    """A vocabulary term: ``slug`` is the stable value filters take."""

    slug = serializers.CharField()
    name = serializers.CharField()


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name"]


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = ["code", "name"]
