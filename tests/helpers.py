"""Reading rendered HTML the way a visitor or an assistive technology would (and a mail server
that is down, for tests of what survives it).

A tiny DOM (stdlib only) so tests assert on elements, classes and visible text rather than on
exact markup, which designers change.
"""

import smtplib
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.mail.backends.base import BaseEmailBackend

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


@dataclass
class Element:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)  # Elements and strings

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    @property
    def text(self):
        """Visible text, whitespace collapsed."""
        return " ".join("".join(self._strings()).split())

    def _strings(self):
        for child in self.children:
            if isinstance(child, str):
                yield child
            elif child.tag not in ("script", "style"):
                yield from child._strings()
                if child.tag in ("br", "p", "li", "td", "th", "dt", "dd", "div"):
                    yield " "

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag)
            and (cls is None or cls in element.classes)
            and all(element.attrs.get(name) == value for name, value in attrs.items())
        ]

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag or '*'} class={cls} {attrs}>"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self._stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: "" if value is None else value for name, value in attrs})
        self._stack[-1].children.append(element)
        if tag not in VOID:
            self._stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data):
        self._stack[-1].children.append(data)


def dom(response):
    builder = _TreeBuilder()
    builder.feed(response.content.decode())
    builder.close()
    return builder.root


def visible_text(response):
    return dom(response).find("body").text


def links(response):
    """(href, text) of every link, in document order."""
    return [(a.attrs.get("href"), a.text) for a in dom(response).find_all("a")]


def listed_programmes(response):
    """Titles of the programme cards on a catalogue or home page, in order."""
    return [h3.text for h3 in dom(response).find_all("h3", cls="result__title")]


def filter_chips(response):
    """{chip label: link that removes it} for the catalogue's active-filter chips."""
    return {a.text.split(" ×")[0]: a.attrs["href"] for a in dom(response).find_all("a", cls="chip")}


def ratings_shown(element):
    """Rating levels of the badges inside an element, e.g. ["supported"]."""
    return [
        cls.removeprefix("rating--")
        for badge in element.find_all("span", cls="rating")
        for cls in badge.classes
        if cls.startswith("rating--")
    ]


class MailServerDown(BaseEmailBackend):
    """EMAIL_BACKEND = "tests.helpers.MailServerDown": every send fails as a dead server does."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
