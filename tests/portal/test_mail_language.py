"""Mail in each recipient's language (``portal.mail``): the text, the links, dates and
numbers, whatever language the sender is working in."""

import datetime
from decimal import Decimal
from unittest import mock

from django.core import mail as outbox
from django.utils import translation

from wagtail.models import Locale

import pytest

from portal import mail
from tests.factories.portal import UserFactory

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"  # SITE_URL in the test settings

TEMPLATES = {
    "test/note_subject.txt": '{% load i18n %}{% translate "Your account has been deleted" %}',
    "test/note_body.txt": (
        '{% load i18n %}{% translate "Hello," %}\n{{ url }}\n{{ when|date:"DATE_FORMAT" }}\n'
        "{{ amount }}\n"
    ),
    "test/note_body.html": '<p lang="{{ language }}">{{ url }}</p>',
}


@pytest.fixture
def note_templates(settings):
    """A mail with an HTML body, besides the portal's own templates."""
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    ("django.template.loaders.locmem.Loader", TEMPLATES),
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]


def send_note(recipients):
    context = {
        "url": mail.link("support_services"),
        "when": datetime.date(2026, 3, 5),
        "amount": Decimal("1234.5"),
    }
    return mail.send_templated("test/note", context, recipients)


def by_address():
    return {message.to[0]: message for message in outbox.outbox}


def test_each_member_gets_the_mail_in_their_own_language(note_templates):
    german = UserFactory(preferred_language="de")
    polish = UserFactory(preferred_language="pl")
    english = UserFactory()
    with translation.override("fr"):  # the sender's language plays no part
        assert send_note([german, polish, english])
    messages = by_address()
    assert {address: m.extra_headers["Content-Language"] for address, m in messages.items()} == {
        german.email: "de",
        polish.email: "pl",
        english.email: "en",
    }
    assert messages[german.email].subject == "Ihr Konto wurde gelöscht"
    assert messages[english.email].subject == "Your account has been deleted"
    assert f"{SITE}/de/support/" in messages[german.email].body
    assert f"{SITE}/pl/support/" in messages[polish.email].body
    assert f"{SITE}/support/\n" in messages[english.email].body


def test_dates_and_numbers_are_written_as_the_reader_writes_them(note_templates):
    german, english = UserFactory(preferred_language="de"), UserFactory()
    send_note([german, english])
    messages = by_address()
    assert "5. März 2026\n1234,5\n" in messages[german.email].body
    assert "5 March 2026\n1234.5\n" in messages[english.email].body


def test_the_html_body_is_in_the_same_language(note_templates):
    polish = UserFactory(preferred_language="pl")
    send_note([polish])
    [message] = outbox.outbox
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert html == f'<p lang="pl">{SITE}/pl/support/</p>'


def test_the_mail_is_rendered_once_per_language_and_sent_to_each_alone(note_templates):
    recipients = [UserFactory(preferred_language="pl") for _ in range(3)] + [UserFactory()]
    with mock.patch("portal.mail.render", wraps=mail.render) as render:
        send_note(recipients)
    assert sorted(call.args[2] for call in render.call_args_list) == ["en", "pl"]
    assert sorted(m.to for m in outbox.outbox) == sorted([[u.email] for u in recipients])


def test_an_address_is_written_to_in_its_members_language(note_templates):
    polish = UserFactory(preferred_language="pl", email="ola@example.org")
    with translation.override("de"):
        send_note(["OLA@example.org", "someone.new@example.org"])
        assert mail.language_for_address(polish.email) == "pl"
    messages = by_address()
    assert messages["OLA@example.org"].extra_headers["Content-Language"] == "pl"
    # Nobody holds this address: it gets the language the sender is working in.
    assert messages["someone.new@example.org"].extra_headers["Content-Language"] == "de"


def test_an_unknown_stored_language_falls_back_to_english():
    assert mail.language_of(UserFactory(preferred_language="xx")) == "en"
    assert mail.supported("de-at") == "de"


# Links made elsewhere, in another language


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("/de/working-groups/g/space/#post-3", "pl", "/pl/working-groups/g/space/#post-3"),
        ("/de/working-groups/g/space/", "en", "/working-groups/g/space/"),
        ("/working-groups/?page=2", "fr", "/fr/working-groups/?page=2"),
        (f"{SITE}/working-groups/g/", "pl", f"{SITE}/pl/working-groups/g/"),
        ("/accounts/profile/", "pl", "/pl/accounts/profile/"),
        ("/no/such/place/", "pl", "/no/such/place/"),
    ],
)
def test_a_path_is_moved_under_the_readers_language(url, language, expected):
    assert mail.localize_url(url, language) == expected


def test_a_page_keeps_its_own_address(home):
    """A page's address carries its own locale: it is not moved under another prefix."""
    assert mail.localize_url("/de/", "pl") == "/de/"


def test_a_page_link_leads_to_the_translation_in_the_readers_language(home):
    german_home = home.copy_for_translation(Locale.objects.get(language_code="de"))
    german_home.save_revision().publish()
    link = mail.page_link(home)
    with translation.override("de"):
        assert str(link) == f"{SITE}/de/"
    with translation.override("pl"):  # no Polish version: the page itself
        assert str(link) == f"{SITE}/"
