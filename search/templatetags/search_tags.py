from django import template

from ..facets import label

register = template.Library()


@register.filter
def facet_label(value, facet):
    """The human label of a stored facet value: ``{{ hit.rating|facet_label:"rating" }}``."""
    return label(facet, str(value)) if value not in (None, "") else ""


@register.filter
def facet_labels(values, facet):
    """Labels of several stored values, joined: ``{{ hit.also_in|facet_labels:"language" }}``."""
    return ", ".join(label(facet, str(value)) for value in values or ())
