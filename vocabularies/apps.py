from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VocabulariesConfig(AppConfig):
    """The controlled vocabularies every app shares. It uses no other app of the portal."""

    name = "vocabularies"
    verbose_name = _("Vocabularies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import labels  # noqa: F401  (forgets names when a term changes)
