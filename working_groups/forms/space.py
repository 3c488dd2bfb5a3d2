"""Forms for the private space. They only check input; ``working_groups.space`` acts on it.

A rejected file is an error on the file field alone: the bound form keeps the title,
description and note, so the member only has to choose the file again.
"""

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.uploads import ALLOWED_EXTENSIONS, validate_upload

from ..models import Meeting
from ..space import NonexistentLocalTime, local_to_utc

MAX_MEETING_MINUTES = 12 * 60
MARKDOWN_HELP = _("You can use Markdown: *italic*, **bold**, [a link](https://example.org), lists.")


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Message"), max_length=20_000, widget=forms.Textarea, help_text=MARKDOWN_HELP
    )


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MARKDOWN_HELP,
    )


class EditPostForm(PostForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Message")


def _upload_help():
    limit = f"{settings.GROUP_UPLOAD_MAX_BYTES / (1024 * 1024):g}"
    return gettext(
        "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG or plain text; at most %(limit)s MB."
    ) % {"limit": limit}


upload_help = lazy(_upload_help, str)


class UploadField(forms.FileField):
    """A file field that accepts only what ``validate_upload`` accepts, judged on content."""

    def __init__(self, **kwargs):
        accept = ",".join(f".{extension}" for extension in ALLOWED_EXTENSIONS)
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": accept}))
        kwargs.setdefault("help_text", upload_help())
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded:
            validate_upload(uploaded)
        return uploaded


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    file = UploadField(label=_("File"))
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("For example where the text comes from, or what it is for."),
    )


class VersionForm(forms.Form):
    file = UploadField(label=_("New version"))
    note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        required=False,
        help_text=_("A line for the others, e.g. “Comments from the March meeting included”."),
    )


class MeetingForm(forms.Form):
    """A meeting's wall-clock date and time in a chosen time zone, stored as UTC."""

    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
        help_text=_("Local time in the time zone below."),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), initial="Europe/Brussels")
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=15, max_value=MAX_MEETING_MINUTES, initial=90
    )
    location = forms.CharField(
        label=_("Where"),
        max_length=300,
        required=False,
        help_text=_("A room, or a video-call link."),
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea,
        help_text=MARKDOWN_HELP,
    )

    def __init__(self, *args, meeting=None, **kwargs):
        if meeting is not None:
            kwargs.setdefault("initial", initial_for(meeting))
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = Meeting._meta.get_field("time_zone").choices

    def clean(self):
        cleaned = super().clean()
        day, time, zone = (cleaned.get(name) for name in ("date", "time", "time_zone"))
        if day and time and zone:
            try:
                cleaned["starts_at"] = local_to_utc(day, time, zone)
            except NonexistentLocalTime:
                self.add_error("time", _nonexistent_message(day, time, zone))
        return cleaned

    def meeting_values(self):
        """The cleaned values as ``Meeting`` fields, for ``plan_meeting``/``update_meeting``."""
        names = ("title", "starts_at", "time_zone", "duration_minutes", "location", "agenda")
        names += tuple(name for name in ("minutes",) if name in self.fields)
        return {name: self.cleaned_data[name] for name in names}


class MeetingEditForm(MeetingForm):
    minutes = forms.CharField(
        label=_("Minutes"),
        max_length=50_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=MARKDOWN_HELP,
    )


def initial_for(meeting):
    local = meeting.local_start
    initial = {
        name: getattr(meeting, name)
        for name in ("title", "time_zone", "duration_minutes", "location", "agenda", "minutes")
    }
    return {**initial, "date": local.date(), "time": local.time().replace(tzinfo=None)}


def _nonexistent_message(day, time, zone):
    return gettext(
        "%(time)s does not exist on %(date)s in %(zone)s: the clocks go forward that night. "
        "Choose a time at least an hour later."
    ) % {"time": time.strftime("%H:%M"), "date": day.isoformat(), "zone": zone}
