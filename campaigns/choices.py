from django.db import models
from django.utils.translation import gettext_lazy as _


class MaterialKind(models.TextChoices):
    POSTER = "poster", _("Poster")
    VIDEO = "video", _("Video")
    LESSON_PLAN = "lesson_plan", _("Lesson plan")
    GUIDE = "guide", _("Guide")
    TOOLKIT = "toolkit", _("Toolkit")
    SOCIAL_MEDIA_PACK = "social_media_pack", _("Social-media pack")
    TRAINING_COURSE = "training_course", _("Training course")
    BOOK = "book", _("Book or story")


class Licence(models.TextChoices):
    CC_BY = "cc-by", _("CC BY 4.0: reuse and adapt with credit")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA 4.0: reuse and adapt with credit, share alike")
    CC_BY_NC = "cc-by-nc", _("CC BY-NC 4.0: non-commercial reuse and adaptation with credit")
    CC_BY_NC_SA = "cc-by-nc-sa", _("CC BY-NC-SA 4.0: non-commercial, share alike")
    CC_BY_ND = "cc-by-nd", _("CC BY-ND 4.0: reuse with credit, no changes")
    CC_BY_NC_ND = "cc-by-nc-nd", _("CC BY-NC-ND 4.0: non-commercial reuse, no changes")
    ON_REQUEST = "on-request", _("Free to reuse with the owner's permission")
    RESERVED = "reserved", _("All rights reserved: contact the owner")


# Licences that allow an adaptation without asking the owner first.
ADAPTABLE_LICENCES = frozenset(
    {Licence.CC_BY, Licence.CC_BY_SA, Licence.CC_BY_NC, Licence.CC_BY_NC_SA}
)


class TranslationStatus(models.TextChoices):
    MISSING = "missing", _("Missing")
    OUT_OF_DATE = "out_of_date", _("Out of date")
    CURRENT = "current", _("Current")
