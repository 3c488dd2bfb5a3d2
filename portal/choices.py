from django.db import models
from django.utils.translation import gettext_lazy as _


class SupportKind(models.TextChoices):
    WORRIED = "worried", _("For people worried about their own sexual thoughts or behaviour")
    VICTIMS = "victims", _("For victims and survivors")
    PARENTS = "parents", _("For parents, carers and professionals")
    CHILD_HELPLINE = "child_helpline", _("Child helpline (116 111)")
    REPORTING = "reporting", _("Report child sexual abuse material (CSAM)")
