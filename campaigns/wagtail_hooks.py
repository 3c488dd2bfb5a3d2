"""The Campaigns menu in the CMS, and the translation coverage dashboard in it.

Other campaign screens join the menu through the ``register_campaigns_menu_item`` hook.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permissions import page_permission_policy

from .dashboard import CoverageView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "campaigns/translation-coverage/",
            CoverageView.as_view(),
            name="campaigns_translation_coverage",
        )
    ]


class PageEditorMenuItem(MenuItem):
    """Shown to those who may edit pages somewhere in the tree."""

    def is_shown(self, request):
        return page_permission_policy.user_has_permission(request.user, "change")


@hooks.register("register_campaigns_menu_item")
def register_coverage_menu_item():
    return PageEditorMenuItem(
        _("Translation coverage"),
        reverse("campaigns_translation_coverage"),
        name="translation-coverage",
        icon_name="wagtail-localize-language",
        order=100,
    )


@hooks.register("register_admin_menu_item")
def register_campaigns_menu():
    return SubmenuMenuItem(
        _("Campaigns"),
        Menu(register_hook_name="register_campaigns_menu_item"),
        name="campaigns",
        icon_name="doc-full-inverse",
        order=250,
    )
