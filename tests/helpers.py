"""Reading rendered HTML the way a visitor or an assistive technology would."""

from html.parser import HTMLParser


def _squash(parts):
    return " ".join("".join(parts).split())


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []  # (tag, attrs) in document order
        self.links = []  # (href, text) of every <a>
        self.card_titles = []  # text of every programme card title
        self._link = None
        self._card_title = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "a":
            self._link = (attrs.get("href"), [])
        if tag == "h3" and "result__title" in (attrs.get("class") or ""):
            self._card_title = []

    def handle_endtag(self, tag):
        if tag == "a" and self._link:
            href, text = self._link
            self.links.append((href, _squash(text)))
            self._link = None
        if tag == "h3" and self._card_title is not None:
            self.card_titles.append(_squash(self._card_title))
            self._card_title = None

    def handle_data(self, data):
        if self._link:
            self._link[1].append(data)
        if self._card_title is not None:
            self._card_title.append(data)

    def tags_named(self, name):
        """Attributes of every <name> element, in document order."""
        return [attrs for tag, attrs in self.tags if tag == name]


def parse(response):
    collector = _Collector()
    collector.feed(response.content.decode())
    return collector


def links(response):
    """(href, text) of every link, in document order."""
    return parse(response).links


def listed_programmes(response):
    """Titles of the programme cards on a catalogue or home page, in order."""
    return parse(response).card_titles


def filter_chips(response):
    """{chip label: link that removes it} for the active-filter chips of the catalogue."""
    return {
        text.split(" ×")[0]: href
        for href, text in links(response)
        if href and href.startswith("?") and "×" in text
    }
