from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class WorkingGroupsConfig(AppConfig):
    name = "working_groups"
    verbose_name = _("Working groups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            notifications,  # noqa: F401 (connects the immediate sender)
            permissions,
            personal_data,  # noqa: F401 (declares what groups hold about a member)
        )
        from .models import Membership
        from .signals import accept_invitations_on_confirmation  # noqa: F401 (connects it)

        for signal in (post_save, post_delete):
            signal.connect(
                permissions._forget_on_change, sender=Membership, dispatch_uid=f"wg-{signal}"
            )
