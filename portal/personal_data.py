"""What the portal holds about a member, as each app declares it.

A member may see and take what we hold about them (GDPR articles 15 and 20) and have their
account erased (article 17). Only the app that stores something knows it is there, so each app
declares its part in its own ``personal_data`` module, loaded from its ``AppConfig.ready()``;
the account export and deletion walk this registry and know no app. This module imports no
domain app, so the dependency runs one way: apps into the kernel.

A section lists the models it covers, so a test can fail on any model that points at a member
and that no section exports.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Obstacle:
    """Why an account cannot be deleted yet, and what the member can do about it: ``reason``
    introduces the ``links`` (label, url) it is about, ``advice`` says what to do first."""

    reason: str
    links: tuple[tuple[str, str], ...]
    advice: str


@dataclass(frozen=True)
class Section:
    """One key of the export: ``export(user)`` returns plain JSON-ready data for it.

    ``erase(user)`` runs in the deletion's transaction, before the account row goes, for what
    ``on_delete`` cannot do alone (text that names the member). ``blocks_deletion(user)``
    returns an ``Obstacle`` while the account must stay, or None."""

    name: str
    export: Callable
    models: tuple
    erase: Callable | None = None
    blocks_deletion: Callable | None = None


_sections: dict[str, Section] = {}


def register(name, *, models, erase=None, blocks_deletion=None):
    """Decorator for an exporter: ``@register("posts", models=[Post])``.

    Two sections with one name would overwrite each other in the export, so that is refused."""

    def decorator(export):
        if name in _sections:
            raise ValueError(f"personal data section {name!r} is registered twice")
        _sections[name] = Section(name, export, tuple(models), erase, blocks_deletion)
        return export

    return decorator


def sections():
    """The registered sections, in the order the apps registered them."""
    return tuple(_sections.values())


def export(user):
    """{section name: what it holds about ``user``}."""
    return {section.name: section.export(user) for section in sections()}


def obstacles(user):
    """What stops ``user`` deleting their account now; empty when nothing does."""
    found = (section.blocks_deletion(user) for section in sections() if section.blocks_deletion)
    return [obstacle for obstacle in found if obstacle]


def erase(user):
    """Run every section's erasure hook; call inside the deletion's transaction."""
    for section in sections():
        if section.erase:
            section.erase(user)


def covered_models():
    """Every model some section exports."""
    return {model for section in sections() for model in section.models}


# Small helpers every exporter needs, so the sections agree on the format.


def when(moment):
    """A date or datetime as ISO 8601, or None."""
    return moment.isoformat() if moment else None


def name_of(term):
    """A vocabulary term (country, language, ...) by its name, or None."""
    return term.name if term else None
