"""E-mail to members, each in their own language, that never breaks the action that sent it.

Mail often goes out while someone else is working (a coordinator approving a member) or with
nobody at all (the daily digest), so the language active at that moment says nothing about the
recipient. Each message is rendered under ``translation.override`` of its recipient's preferred
language (``User.preferred_language``): subject, body, dates, numbers and links. Links must
therefore be made while the message is rendered, not before: pass ``link()``, ``localized()``
or ``page_link()`` in the context, never a URL reversed ahead of time.

A mail server that is down must not break the action that sent the mail: the failure is logged
and reported to the caller, never raised.
"""

import logging
import smtplib
from collections import defaultdict
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.functional import lazy

logger = logging.getLogger(__name__)

# Wagtail serves every page through this view. A page's address carries its own locale, so
# it is left as it is rather than moved under another language's prefix.
PAGE_VIEW = "wagtail_serve"


# Which language


def supported(language):
    """``language`` as one of settings.LANGUAGES, else the default language."""
    try:
        return translation.get_supported_language_variant(language or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def language_of(user):
    """The language ``user`` reads their e-mail in."""
    return supported(getattr(user, "preferred_language", None))


def language_for_address(address):
    """The language of the member who holds ``address``; for an address no member holds (an
    invitation to someone new), the language the sender is working in."""
    from allauth.account.models import EmailAddress

    owner = (
        EmailAddress.objects.filter(email__iexact=address)
        .order_by("-verified", "-primary")
        .values_list("user__preferred_language", flat=True)
        .first()
    ) or (
        get_user_model()
        .objects.filter(email__iexact=address)
        .values_list("preferred_language", flat=True)
        .first()
    )
    return supported(owner or translation.get_language())


# Links, made in the language the message is rendered in


def absolute(url):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{url}"


def _link(viewname, args=None, kwargs=None):
    return absolute(reverse(viewname, args=args, kwargs=kwargs))


def link(viewname, *args, **kwargs):
    """The absolute address of a view (``reverse``'s arguments), in the language of the
    message it is rendered in: ``/pl/...`` for a Polish reader of a page under a language
    prefix."""
    return lazy(_link, str)(viewname, args=args or None, kwargs=kwargs or None)


def localize_url(url, language):
    """``url`` (a path or an absolute address) as it reads in ``language``: the same view
    under that language's prefix. A page's address, or one that resolves to nothing, is
    returned as it is."""
    parts = urlsplit(url)
    source = translation.get_language_from_path(parts.path) or settings.LANGUAGE_CODE
    with translation.override(source):
        try:
            match = resolve(parts.path)
        except Resolver404:
            return url
    if match.url_name == PAGE_VIEW:
        return url
    with translation.override(language):
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return url
    return urlunsplit(parts._replace(path=path))


def _localized(path):
    return absolute(localize_url(path, translation.get_language()))


def localized(path):
    """The absolute address of a stored path (such as a feed line's link, made in whatever
    language its author was using), in the language of the message."""
    return lazy(_localized, str)(path)


def _page_link(page):
    language = translation.get_language()
    if page.locale.language_code != language:
        translated = page.get_translations().live().filter(locale__language_code=language)
        page = translated.first() or page
    url = page.get_url()
    return absolute(url) if url and url.startswith("/") else url or ""


def page_link(page):
    """A live page's address for an e-mail: its translation in the language of the message
    when one is live, else the page itself. On the public address the portal is served at
    (SITE_URL), not the Wagtail site's hostname, which is often just "localhost"."""
    return lazy(_page_link, str)(page)


# Rendering and sending


def render(template_prefix, context, language):
    """(subject, text body, HTML body or None) of ``<prefix>_subject.txt``,
    ``<prefix>_body.txt`` and, if there is one, ``<prefix>_body.html``, in ``language``."""
    with translation.override(language):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "language": language, **context}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_body.txt", context)
        try:
            html = render_to_string(f"{template_prefix}_body.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, body, html


def message(rendered, language, address):
    """One message to one address; ``Content-Language`` says which language it is in."""
    subject, body, html = rendered
    headers = {"Content-Language": language}
    email = EmailMultiAlternatives(
        subject, body, settings.DEFAULT_FROM_EMAIL, [address], headers=headers
    )
    if html:
        email.attach_alternative(html, "text/html")
    return email


def send_templated(template_prefix, context, recipients):
    """Send the templates to each recipient, a member or an e-mail address, in their language.

    The mail is rendered once per language, and each recipient gets a message of their own,
    so that nobody sees another's address. Returns True when the mail server accepted every
    message."""
    by_language = defaultdict(list)
    for recipient in recipients:
        if isinstance(recipient, str):
            by_language[language_for_address(recipient)].append(recipient)
        else:
            by_language[language_of(recipient)].append(recipient.email)
    messages = []
    for language, addresses in by_language.items():
        rendered = render(template_prefix, context, language)
        messages.extend(message(rendered, language, address) for address in addresses)
    try:
        get_connection().send_messages(messages)
    except (smtplib.SMTPException, OSError):
        logger.warning("Could not send %s to %d recipient(s).", template_prefix,
                       len(messages), exc_info=True)  # fmt: skip
        return False
    return True
