from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SupportService, TranslationRequest


class SupportServiceViewSet(SnippetViewSet):
    model = SupportService
    icon = "help"
    menu_label = _("Support services")
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    add_to_admin_menu = True


register_snippet(SupportServiceViewSet)


class TranslationRequestViewSet(SnippetViewSet):
    """Which pages visitors asked for in their language, most wanted first (read-only)."""

    model = TranslationRequest
    icon = "globe"
    menu_label = _("Translation requests")
    list_display = ["page", "language", "count", "last_asked"]
    list_filter = ["language"]
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_export = ["page", "language", "count", "last_asked"]


register_snippet(TranslationRequestViewSet)
