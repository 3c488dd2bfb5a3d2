"""How vocabulary values read as open data, wherever a resource carries them: terms by
``slug`` and ``name``, countries and languages by ``code`` and ``name``. A ``name`` is in the
language the request asked for (the API's ``lang``), else in English."""

from rest_framework import serializers


class NameField(serializers.CharField):
    """A vocabulary value's name in the active language: its ``label`` where it has one (terms,
    countries, languages), else its ``name`` (plain dictionaries, such as rating levels)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "In the language asked for with `lang`, else in English.")
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        label = getattr(instance, "label", None)
        return label if isinstance(label, str) else super().get_attribute(instance)


class TermSerializer(serializers.Serializer):
    """A vocabulary term: ``slug`` is the stable value filters take."""

    slug = serializers.CharField()
    name = NameField()


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = NameField()


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = NameField()
