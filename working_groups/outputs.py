"""Publishing a group's output: a public page under the site's outputs index, with its file
as a public Wagtail document, published by the coordinator like an editor would."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, Site
from wagtail.rich_text import RichText

from portal.uploads import validate_upload

from . import activity
from .choices import ActivityKind, OutputKind
from .formatting import render_markdown
from .models import OutputIndexPage, OutputPage

INDEX_SLUG = "outputs"
INDEX_TITLE = "Working group outputs"
COLLECTION_NAME = "Working group outputs"


class OutputForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=OutputKind.choices)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One paragraph, shown in lists and search results."),
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Markdown: **bold**, *italic*, lists, [links](https://example.org)."),
    )
    file = forms.FileField(
        label=_("File to download"),
        required=False,
        help_text=_("Optional: the guideline or report as PDF, Word, OpenDocument or text."),
    )

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded:
            return None
        checked = validate_upload(uploaded)
        extension = checked.filename.rsplit(".", 1)[-1].lower()
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise ValidationError(
                gettext("Public outputs can be files of these kinds: %(kinds)s.")
                % {"kinds": ", ".join(f".{kind}" for kind in settings.WAGTAILDOCS_EXTENSIONS)},
                code="type_not_allowed",
            )
        uploaded.name = checked.filename
        return uploaded


def output_index():
    """The outputs index under the default site's home page, created (and published) if missing."""
    home = Site.objects.get(is_default_site=True).root_page
    index = OutputIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=OutputIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, live=False)
        )
        index.save_revision().publish()
        index.refresh_from_db()
    return index


def outputs_collection():
    """The public collection that holds every output's file."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _unique_slug(parent, title):
    base = slugify(title)[:200] or "output"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _document(uploaded, title, user):
    document = get_document_model()(
        title=title, file=uploaded, collection=outputs_collection(), uploaded_by_user=user
    )
    document._set_document_file_metadata()
    document.save()
    return document


def _body(markdown_text):
    html = render_markdown(markdown_text)
    return [("paragraph", RichText(html))] if html else []


@transaction.atomic
def publish(group, user, data):
    """Create, save as a revision by ``user`` and publish an output from OutputForm data."""
    index = output_index()
    file = data.get("file")
    page = OutputPage(
        title=data["title"],
        slug=_unique_slug(index, data["title"]),
        group=group,
        kind=data["kind"],
        date=timezone.localdate(),
        summary=data["summary"],
        body=_body(data.get("body", "")),
        file=_document(file, data["title"], user) if file else None,
        owner=user,
        live=False,
    )
    index.add_child(instance=page)
    # Coordinators are not CMS editors: ``permissions.can_publish_output`` decided, not Wagtail.
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    activity.record(
        group,
        user,
        ActivityKind.OUTPUT,
        gettext("%(name)s published “%(title)s”") % {"name": activity.ACTOR, "title": page.title},
        page.url,
    )
    return page
