"""allauth, in each member's language (ACCOUNT_ADAPTER).

A member's preferred language is first the language they signed up in. allauth's own e-mails
(address confirmation, password reset, security notices) go out in the recipient's preferred
language, as the portal's do (``portal.mail``), whatever the language of the page that sent
them; an address no member holds gets the language of the page.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import translate_url
from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter

from portal import mail


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.preferred_language = mail.supported(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        """After signing in, the same place in the language the visitor signed in under."""
        return _in_current_language(super().get_login_redirect_url(request))

    def get_logout_redirect_url(self, request):
        return _in_current_language(super().get_logout_redirect_url(request))

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        if getattr(user, "pk", None):
            language = mail.language_of(user)
        else:
            language = mail.language_for_address(email)
        context = {key: _localized(key, value, language) for key, value in context.items()}
        with translation.override(language):
            context["current_site"] = _site(self.request)
            super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject):
        """ "[European Prevention Network] …", in the mail's language, rather than the host
        name allauth takes for a site without ``django.contrib.sites``."""
        return f"[{settings.WAGTAIL_SITE_NAME}] {subject}"

    def render_mail(self, template_prefix, email, context, headers=None):
        headers = {"Content-Language": translation.get_language(), **(headers or {})}
        return super().render_mail(template_prefix, email, context, headers=headers)


def _site(request):
    """The portal's name in the active language ("Hello from …!") and its domain (the host
    the links in the mail point to)."""
    if request is not None:
        domain = get_current_site(request).domain
    else:
        domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
    return SimpleNamespace(name=str(settings.WAGTAIL_SITE_NAME), domain=domain)


def _in_current_language(url):
    """``url`` (a path of this site, in whichever language) under the active language."""
    target = translation.get_language()
    source = translation.get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE
    with translation.override(source):
        return translate_url(url, target)


def _localized(key, value, language):
    """allauth makes its links (``activate_url``, ``password_reset_url``...) in the language
    of the page that sent the mail; the mail gets them in its own."""
    if key.endswith("_url") and isinstance(value, str):
        return mail.localize_url(value, language)
    return value
