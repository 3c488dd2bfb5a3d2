from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SupportService


class SupportServiceViewSet(SnippetViewSet):
    model = SupportService
    icon = "help"
    menu_label = _("Support services")
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    add_to_admin_menu = True


register_snippet(SupportServiceViewSet)
