"""Browsing the catalogue: the filter form and the filtering it drives.

Plain GET parameters, so every filtered view is a shareable URL and works without JavaScript.
The filters are search facets: the same names, values and labels as the search page and the
open-data API (declared once, see ``search.facets``). ``level``, the catalogue's first name for
``prevention_level``, still works in old links.
"""

from django import forms
from django.db.models import Q

from portal.filters import FacetFilterForm, multiple_terms
from search.facets import get as facet
from vocabularies.models import Country, Practice, PreventionLevel, TargetGroup

from .choices import RatingLevel

# (form field, model field to filter on, value attribute)
FACETS = [
    ("target_group", "target_groups", "slug"),
    ("practice", "practices", "slug"),
    ("prevention_level", "prevention_levels", "slug"),
    ("country", "countries", "code"),
]


# Old names of filters, still understood in shared links.
RENAMED = {"level": "prevention_level"}


def with_current_names(params):
    """``params`` (a QueryDict) with old filter names replaced by the facets' names."""
    if not any(old in params for old in RENAMED):
        return params
    params = params.copy()
    for old, new in RENAMED.items():
        if old in params:
            params.setlist(new, params.getlist(new) + params.getlist(old))
            del params[old]
    return params


class ProgrammeFilterForm(FacetFilterForm):
    target_group = multiple_terms(facet("target_group").label, TargetGroup.objects.all())
    practice = multiple_terms(facet("practice").label, Practice.objects.all())
    prevention_level = multiple_terms(
        facet("prevention_level").label, PreventionLevel.objects.all()
    )
    country = multiple_terms(
        facet("country").label, Country.objects.filter(programmes__live=True).distinct(), "code"
    )
    rating = forms.MultipleChoiceField(
        label=facet("rating").label,
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
