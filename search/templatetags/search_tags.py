from django import template

from vocabularies.locale_names import endonym as cldr_endonym

from ..facets import label

register = template.Library()


@register.filter
def facet_label(value, facet):
    """The human label of a stored facet value: ``{{ hit.rating|facet_label:"rating" }}``."""
    return label(facet, str(value)) if value not in (None, "") else ""


@register.filter
def endonym(code):
    """A language's name in itself, for text marked with that language (``lang="de"``):
    ``{{ hit.language|endonym }}`` reads "Deutsch" whatever the visitor's language."""
    return cldr_endonym(str(code)) or facet_label(code, "language")


@register.filter
def facet_labels(values, facet):
    """Labels of several stored values, joined: ``{{ hit.also_in|facet_labels:"language" }}``."""
    return ", ".join(label(facet, str(value)) for value in values or ())
