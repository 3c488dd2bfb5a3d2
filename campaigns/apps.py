from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns and materials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (  # noqa: F401
            notifications,  # connects the adapters' e-mails
            personal_data,  # declares what campaigns hold about a member
        )
