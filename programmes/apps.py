from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data, signals  # noqa: F401
        from .api.vocabularies import register_vocabularies
        from .submissions import notifications  # noqa: F401

        register_vocabularies()
