"""Templates ask the same rules as views:
``{% allowed "can_edit_post" request.user post as ok %}``."""

from django import template

from .. import permissions

register = template.Library()


@register.simple_tag
def allowed(rule, *args):
    if not rule.startswith(("can_", "is_")):
        raise template.TemplateSyntaxError(f"{rule!r} is not a permission rule")
    return getattr(permissions, rule)(*args)
