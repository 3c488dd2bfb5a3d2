"""The catalogue's own lists as open data, beside the shared vocabularies: study designs with
their evidence tier, and the rating levels from the rubric with what each means."""

from django.utils import translation

from rest_framework import serializers

from vocabularies.api import (
    Vocabulary,
    VocabularyTermSerializer,
    register,
    vocabulary_serializer,
)

from .. import rubric_text
from ..models import StudyDesign


class VocabularyStudyDesignSerializer(VocabularyTermSerializer):
    tier = serializers.CharField(help_text="What the design can say about cause and effect.")


def _rating_levels():
    """The levels in the rubric's order, named and described in English like every other
    vocabulary term here."""
    with translation.override("en"):
        return [
            {"slug": d.level.value, "name": d.label, "description": d.meaning}
            for d in rubric_text.levels()
        ]


def register_vocabularies():
    register(
        "study_design",
        Vocabulary(
            "Study designs",
            StudyDesign.objects.all,
            vocabulary_serializer("StudyDesignVocabulary", VocabularyStudyDesignSerializer),
        ),
        after="outcome",
    )
    register("rating", Vocabulary("Evidence rating levels", _rating_levels, filters=("rating",)))
