"""Search facets, each declared once, by the app whose values it holds.

A ``Facet`` says everything the portal needs to know about one filter: its name and label,
where the words for its values come from, how codes are cased, which values exist, and how the
open-data API documents it. The index schema, the document defaults, the search page and the
API's filters are all derived from these declarations (``schema.content_document``,
``documents.document``, ``query``, ``portal.api.facets``).

Search declares the facets it owns itself (``type``, ``year``); the others are registered from
the apps' ``search.py`` modules.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import registry


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    position: int  # where the search page lists it, smallest first
    names: object = None  # () -> {value: label}; None: the value is its own label
    label_for: object = None  # value -> label, for computed values ("adapted in 3+ …")
    case: object = str  # how values are stored: str.upper for ISO 3166, str.lower for ISO 639
    multi: bool = True  # a document may hold several values
    choices: tuple = ()  # the only values there are, in the order they are shown
    closed: bool = False  # the values ``names`` gives are all there are (set in code, not data)
    pattern: str = ""  # a regular expression every value matches, if there is no list
    strict: bool = False  # search refuses other values too (not only the API)
    order: str = "count"  # how options are listed: "count", "value" or "newest"
    vocabulary: str = ""  # the open-data vocabulary that lists the values
    help: str = ""  # what the API's documentation says of it
    example: str = ""  # one real value, for the API's documentation
    invalid: object = field(default=None, compare=False)  # value -> why it is not allowed

    def label_of(self, value):
        if self.label_for is not None:
            return str(self.label_for(value))
        if self.names is not None:
            return str(self.names().get(value, value))
        return value

    def fixed_values(self):
        """All the values there are, when code (not editors) decides them; else ``None``."""
        if self.choices:
            return list(self.choices)
        return list(self.names()) if self.closed else None

    def known(self, values):
        """Those of ``values`` that mean something for this facet."""
        if self.fixed_values() is not None:
            return set(values) & set(self.fixed_values())
        if self.pattern:
            return {value for value in values if re.fullmatch(self.pattern, value)}
        if self.names is not None:
            return set(values) & set(self.names())
        return set(values)


_facets = {}


def register(facet):
    existing = _facets.get(facet.name, facet)
    if (existing.position, existing.label) != (facet.position, facet.label):
        raise ValueError(f"The search facet {facet.name!r} is declared twice.")
    _facets[facet.name] = facet
    return facet


def all_facets():
    """Every declared facet, in the order the search page shows them."""
    return sorted(_facets.values(), key=lambda facet: (facet.position, facet.name))


def get(name):
    return _facets[name]


class FacetNames:
    """The names of the declared facets, in order: a sequence read when used, so modules can
    import it before every app has registered its facets."""

    def __iter__(self):
        return iter([facet.name for facet in all_facets()])

    def __contains__(self, name):
        return name in _facets

    def __len__(self):
        return len(_facets)

    def __getitem__(self, index):
        return [facet.name for facet in all_facets()][index]

    def __repr__(self):
        return repr(tuple(self))


FACETS = FacetNames()


def label(facet, value):
    """The words people read for a stored facet value."""
    return _facets[facet].label_of(value) if facet in _facets else value


register(
    Facet(
        "type",
        _("Type"),
        position=0,
        names=registry.type_labels,
        closed=True,
        multi=False,
        vocabulary="",
        help="Kind of content, e.g. `programme`, `evaluation` or `material`.",
        example="programme",
    )
)
register(
    Facet(
        "year",
        _("Year"),
        position=120,
        multi=False,
        pattern=r"[0-9]{4}",
        order="newest",
        help="Four-digit year.",
        example="2021",
        invalid=lambda value: (
            _("“year” must be a four-digit year, not “%(value)s”.") % {"value": value}
        ),
    )
)
