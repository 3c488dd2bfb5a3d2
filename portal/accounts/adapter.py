"""allauth, in each member's language (ACCOUNT_ADAPTER).

A member's preferred language is first the language they signed up in. allauth's own e-mails
(address confirmation, password reset, security notices) go out in the recipient's preferred
language, as the portal's do (``portal.mail``), whatever the language of the page that sent
them; an address no member holds gets the language of the page.
"""

from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter

from portal import mail


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.preferred_language = mail.supported(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        if getattr(user, "pk", None):
            language = mail.language_of(user)
        else:
            language = mail.language_for_address(email)
        context = {key: _localized(key, value, language) for key, value in context.items()}
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        headers = {"Content-Language": translation.get_language(), **(headers or {})}
        return super().render_mail(template_prefix, email, context, headers=headers)


def _localized(key, value, language):
    """allauth makes its links (``activate_url``, ``password_reset_url``...) in the language
    of the page that sent the mail; the mail gets them in its own."""
    if key.endswith("_url") and isinstance(value, str):
        return mail.localize_url(value, language)
    return value
