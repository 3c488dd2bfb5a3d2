"""The filter forms of the browse pages (the programme catalogue, campaign materials).

Plain GET parameters, so every filtered view is a shareable URL and works without JavaScript.
Each selected value becomes a "chip" with a URL that removes just that value.
"""

from urllib.parse import urlencode

from django import forms


def multiple_terms(label, queryset, to_field_name="slug"):
    """Checkboxes over a vocabulary, submitted by slug (or by ``to_field_name``)."""
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset,
        to_field_name=to_field_name,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class FacetFilterForm(forms.Form):
    def selected(self):
        """The valid part of the submitted filters. An unknown value makes its whole filter
        invalid; that filter is then ignored (and reported), the others still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def active_filters(self):
        """(filter label, value label, URL that removes just this value) per selected value."""
        chips = []
        for name, values in self.selected().items():
            field = self.fields[name]
            for value in values:
                raw = getattr(value, "slug", None) or getattr(value, "code", None) or value
                if isinstance(field, forms.ModelMultipleChoiceField):
                    label = str(value)
                else:
                    label = dict(field.choices).get(value, value)
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
        return urlencode([(k, v) for k in query for v in query.getlist(k) if k != "page"])
