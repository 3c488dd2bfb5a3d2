"""Safe formatting for what members write: Markdown in, a short allow-list of HTML out.

Raw HTML typed into a post is escaped first, then the Markdown output is cleaned by nh3, so
no script, style, event handler or unsafe link survives either way.
"""

import html

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text):
    if not text or not text.strip():
        return ""
    converted = markdown.markdown(html.escape(text, quote=False), extensions=["sane_lists"])
    return nh3.clean(
        converted,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )
