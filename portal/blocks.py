"""StreamField blocks shared by the site's pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class PathwayBlock(blocks.StructBlock):
    """A way in for one audience, on the home page."""

    audience = blocks.CharBlock(label=_("audience"), max_length=80)
    text = blocks.TextBlock(label=_("text"), max_length=300)
    link_page = blocks.PageChooserBlock(label=_("link to page"), required=False)
    link_url = blocks.CharBlock(label=_("or link to path"), required=False, max_length=200)
    link_label = blocks.CharBlock(label=_("link text"), max_length=80)

    class Meta:
        icon = "user"
        template = "portal/blocks/pathway.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"), form_classname="title", template="portal/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=["bold", "italic", "link", "ol", "ul", "h3", "h4"]
    )
    quote = blocks.BlockQuoteBlock(label=_("quote"))
