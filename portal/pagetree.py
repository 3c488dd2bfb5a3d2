"""Small rules about the page tree that several apps share."""

from django.utils.text import slugify


def unique_child_slug(parent, text, fallback):
    """A slug from ``text`` that no child of ``parent`` has yet: "title", "title-2", …"""
    base = slugify(text, allow_unicode=True)[:200].strip("-") or fallback
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
