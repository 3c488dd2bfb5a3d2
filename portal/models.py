"""The site shell: the member account model, the site's own pages and support services."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import BodyBlock, PathwayBlock
from .choices import SupportKind
from .i18n import VisitorLanguageURLs


def language_choices():
    """The portal's languages, each by its own name (``settings.LANGUAGES``). A callable, so
    that migrations refer to the setting instead of copying it."""
    return settings.LANGUAGES


class UserManager(BaseUserManager):
    """Members are identified by their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member of the network. The profile is what other members of a shared working group
    see (never the e-mail address); it is kept to the least the network needs."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.ForeignKey(
        "vocabularies.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    practice = models.ForeignKey(
        "vocabularies.Practice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("practice"),
        help_text=_("Your professional background."),
    )
    is_researcher = models.BooleanField(_("I am a researcher"), default=False)
    working_languages = models.ManyToManyField(
        "vocabularies.Language",
        blank=True,
        related_name="+",
        verbose_name=_("working languages"),
        help_text=_("Languages you can work in with other members."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=7,
        choices=language_choices,
        default=settings.LANGUAGE_CODE,
        help_text=_("The portal writes to you in this language."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def public_name(self):
        """How other members see this person: the name, never the e-mail address (which
        ``str()`` falls back to, for staff screens)."""
        return self.get_full_name() or _("Unnamed member")


class HomePage(VisitorLanguageURLs, Page):
    """The front door: one clear way in for each kind of visitor."""

    intro = models.TextField(_("introduction"), blank=True)
    pathways = StreamField(
        [("pathway", PathwayBlock())],
        blank=True,
        max_num=4,
        verbose_name=_("ways in"),
        help_text=_("One card for each audience: practitioners, researchers, officials."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("pathways"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "portal/home_page.html"

    class Meta:
        verbose_name = _("home page")


class StandardPage(VisitorLanguageURLs, Page):
    """An ordinary content page: about, privacy, accessibility statement, help."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]
    template = "portal/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


class SupportService(models.Model):
    """Confidential help, per country: for people worried about their thoughts, for victims
    and survivors, for parents; child helplines and hotlines to report CSAM."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("who it is for"), max_length=20, choices=SupportKind.choices)
    country = models.ForeignKey(
        "vocabularies.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_services",
        help_text=_("Leave empty for a service open to people in every country."),
    )
    description = models.TextField(_("description"), max_length=600)
    website = models.URLField(_("website"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.ManyToManyField(
        "vocabularies.Language", blank=True, related_name="support_services"
    )
    is_demo_content = models.BooleanField(_("demo content"), default=False, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("phone"),
        FieldPanel("languages"),
    ]

    class Meta:
        verbose_name = _("support service")
        verbose_name_plural = _("support services")
        ordering = ["country__name", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('support_services')}#service-{self.pk}"


class TranslationRequest(models.Model):
    """Visitors asking for a page in their language: a count per page and language, so
    editors see which translations are wanted most. Nothing about who asked is kept."""

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    count = models.PositiveIntegerField(_("requests"), default=0)
    last_asked = models.DateTimeField(_("last asked"), auto_now=True)

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        ordering = ["-count", "-last_asked"]
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_request_per_language")
        ]

    def __str__(self):
        return f"{self.page.title} ({self.language})"
