"""Browsing the catalogue: the filter form and the filtering it drives.

Plain GET parameters, so every filtered view is a shareable URL and works without JavaScript.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import RatingLevel
from .models import Country, Practice, PreventionLevel, TargetGroup

# (form field, model field to filter on, value attribute)
FACETS = [
    ("target_group", "target_groups", "slug"),
    ("practice", "practices", "slug"),
    ("level", "prevention_levels", "slug"),
    ("country", "countries", "code"),
]


def _facet(label, queryset, to_field_name="slug"):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset,
        to_field_name=to_field_name,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ProgrammeFilterForm(forms.Form):
    target_group = _facet(_("Target group"), TargetGroup.objects.all())
    practice = _facet(_("Practice"), Practice.objects.all())
    level = _facet(_("Prevention level"), PreventionLevel.objects.all())
    country = _facet(_("Country"), Country.objects.filter(programmes__live=True).distinct(), "code")
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

    def active_filters(self):
        """(label, value label, URL that removes just this value) for each selected value."""
        chips = []
        for name, field in self.fields.items():
            for value in self.cleaned_data.get(name) or []:
                raw = getattr(value, "slug", None) or getattr(value, "code", None) or value
                label = dict(field.choices).get(value, value) if name == "rating" else str(value)
                chips.append((field.label, label, self._querystring_without(name, str(raw))))
        return chips

    def _querystring_without(self, name, raw):
        params = [
            (key, value)
            for key in self.data
            for value in self.data.getlist(key)
            if key != "page" and not (key == name and value == raw)
        ]
        return "?" + urlencode(params) if params else "?"

    @staticmethod
    def querystring_without_page(query):
        params = [(k, v) for k in query for v in query.getlist(k) if k != "page"]
        return urlencode(params)


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
