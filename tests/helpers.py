"""Reading rendered HTML the way a visitor or an assistive technology would."""

from html.parser import HTMLParser


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
        for buffer in (self._link and self._link[1], self._card_title):
            if buffer is not None:
                buffer.append(data)


def _squash(parts):
    return " ".join("".join(parts).split())


    def tags_named(self, name):
        return [attrs for tag, attrs in self.tags if tag == name]


def parse(response):
    collector = _Collector()
    collector.feed(response.content.decode())
    return collector


def tags(response, name):
    """Attributes of every <name> element, in document order."""
    return parse(response).tags_named(name)


def links(response):
    """(href, text) of every link, in document order."""
    return parse(response).links


def listed_programmes(response):
    """Titles of the programme cards on a catalogue or home page, in order."""
    return parse(response).card_titles
