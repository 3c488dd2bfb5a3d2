"""Browsing the catalogue: the filter form and the filtering it drives.

Plain GET parameters, so every filtered view is a shareable URL and works without JavaScript.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.filters import FacetFilterForm, multiple_terms
from vocabularies.models import Country, Practice, PreventionLevel, TargetGroup

from .choices import RatingLevel

# (form field, model field to filter on, value attribute)
FACETS = [
    ("target_group", "target_groups", "slug"),
    ("practice", "practices", "slug"),
    ("level", "prevention_levels", "slug"),
    ("country", "countries", "code"),
]


class ProgrammeFilterForm(FacetFilterForm):
    target_group = multiple_terms(_("Target group"), TargetGroup.objects.all())
    practice = multiple_terms(_("Practice"), Practice.objects.all())
    level = multiple_terms(_("Prevention level"), PreventionLevel.objects.all())
    country = multiple_terms(
        _("Country"), Country.objects.filter(programmes__live=True).distinct(), "code"
    )
    rating = forms.MultipleChoiceField(
        label=_("Evidence rating"),
        choices=RatingLevel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if programmes is not None:
            # Offer only the countries that programmes of this catalogue run in.
            self.fields["country"].queryset = Country.objects.filter(
                programmes__in=programmes.values("pk")
            ).distinct()


def filter_programmes(programmes, cleaned_data):
    """Values within one facet combine with OR; different facets combine with AND."""
    for form_field, model_field, _attr in FACETS:
        selected = cleaned_data.get(form_field)
        if selected:
            programmes = programmes.filter(
                id__in=programmes.model.objects.filter(**{f"{model_field}__in": selected}).values(
                    "id"
                )
            )
    ratings = cleaned_data.get("rating")
    if ratings:
        condition = Q(rating__level__in=ratings)
        if RatingLevel.INSUFFICIENT in ratings:
            condition |= Q(rating__isnull=True)
        programmes = programmes.filter(condition)
    return programmes
