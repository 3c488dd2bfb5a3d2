"""E-mail to members. A mail server that is down must not break the action that sent the
mail: the failure is logged and reported to the caller, never raised."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def absolute(url):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{url}"


def page_link(page):
    """A live page's address for an e-mail, on the public address the portal is served at
    (SITE_URL), not the Wagtail site's hostname, which is often just "localhost"."""
    url = page.get_url()
    return absolute(url) if url and url.startswith("/") else url or ""


def send_templated(template_prefix, context, recipients):
    """Render ``<prefix>_subject.txt`` and ``<prefix>_body.txt`` and send them.

    Returns True when the mail server accepted the message."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, list(recipients))
    except (smtplib.SMTPException, OSError):
        logger.warning("Could not send %s to %d recipient(s).", template_prefix,
                       len(recipients), exc_info=True)  # fmt: skip
        return False
    return True
