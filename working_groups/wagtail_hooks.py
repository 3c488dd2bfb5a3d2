"""Staff create working groups and appoint their first coordinators in the CMS; from then
on the coordinators run membership on the site itself."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Membership, WorkingGroup


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup
    icon = "group"
    menu_label = _("Groups")
    list_display = ["name", "axis", Column("covers", label=_("Covers"))]
    list_filter = ["axis"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class MembershipViewSet(SnippetViewSet):
    """Where staff appoint a group's first coordinator (status "Member", role "Coordinator")."""

    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = [
        Column("user", label=_("Person")),
        "group",
        "role",
        "status",
    ]
    list_filter = ["group", "status", "role"]
    ordering = ["group__name", "role", "user__last_name"]  # coordinators first
    panels = [
        FieldPanel("group"),
        FieldPanel("user"),
        FieldPanel("role"),
        FieldPanel("status"),
        FieldPanel("motivation", read_only=True),
    ]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "group")


class WorkingGroupsMenu(SnippetViewSetGroup):
    menu_label = _("Working groups")
    menu_icon = "group"
    menu_order = 310
    items = [WorkingGroupViewSet, MembershipViewSet]


register_snippet(WorkingGroupsMenu)
