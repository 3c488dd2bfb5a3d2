from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .accounts import (  # noqa: F401
            checks,  # registers the system checks
            personal_data,  # declares the account's personal data
        )
