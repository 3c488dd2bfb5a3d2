"""Forms for adapting a material and announcing an adaptation. They only check input;
``campaigns.adaptations`` acts on it.

A rejected file is an error on the file field alone: the bound form keeps everything else the
member typed, so they only have to choose the files again.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.uploads import validate_upload
from vocabularies.models import Language

from .adaptations import CHANGE_NOTES, description_as_text
from .choices import ADAPTABLE_LICENCES

MAX_FILES = 10


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MaterialFilesField(forms.FileField):
    """Several files at once, each judged on its content by ``validate_upload`` and limited to
    the kinds the CMS serves as public documents."""

    def __init__(self, **kwargs):
        accept = ",".join(f".{extension}" for extension in settings.WAGTAILDOCS_EXTENSIONS)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data]
        uploads = [upload for upload in uploads if upload]
        if not uploads:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(uploads) > MAX_FILES:
            raise ValidationError(
                gettext("Upload at most %(count)s files at once.") % {"count": MAX_FILES},
                code="too_many",
            )
        errors = []
        for upload in uploads:
            try:
                self._check(super().clean(upload, initial))
            except ValidationError as error:
                errors += [f"{upload.name}: {message}" for message in error.messages]
        if errors:
            raise ValidationError(errors)
        return uploads

    @staticmethod
    def _check(upload):
        checked = validate_upload(upload)
        extension = checked.filename.rsplit(".", 1)[-1].lower()
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            kinds = ", ".join(f".{kind}" for kind in settings.WAGTAILDOCS_EXTENSIONS)
            raise ValidationError(
                gettext("Files of a material can be of these kinds: %(kinds)s.") % {"kinds": kinds},
                code="type_not_allowed",
            )
        upload.name = checked.filename


def _textarea(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class AdaptationForm(forms.Form):
    title = forms.CharField(label=_("Title of your version"), max_length=255)
    language = forms.ModelChoiceField(
        label=_("Language of your version"), queryset=Language.objects.all()
    )
    summary = forms.CharField(label=_("Summary"), max_length=600, widget=_textarea(4))
    description = forms.CharField(
        label=_("Description"), max_length=20_000, required=False, widget=_textarea(8)
    )
    owner_organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=255,
        help_text=_("The organisation that makes and owns this version."),
    )
    changed_helplines = forms.CharField(
        label=_("Local helplines"),
        required=False,
        max_length=5000,
        widget=_textarea(),
        help_text=_("Which helplines, hotlines or services you put in, instead of which."),
    )
    changed_legal_references = forms.CharField(
        label=_("Legal references"),
        required=False,
        max_length=5000,
        widget=_textarea(),
        help_text=_("Laws, ages of consent or reporting duties you changed for your country."),
    )
    changed_imagery_culture = forms.CharField(
        label=_("Imagery and cultural changes"),
        required=False,
        max_length=5000,
        widget=_textarea(),
    )
    changed_other = forms.CharField(
        label=_("Other changes"), required=False, max_length=5000, widget=_textarea()
    )
    files = MaterialFilesField(
        label=_("Files of your version"),
        required=False,
        help_text=_("Optional: PDF, Word, PowerPoint, Excel, OpenDocument or text files."),
    )

    def __init__(self, *args, source, user, **kwargs):
        kwargs.setdefault("initial", initial_for(source, user))
        super().__init__(*args, **kwargs)
        self.source = source
        if source.licence not in ADAPTABLE_LICENCES:
            self.fields["owner_permission"] = forms.BooleanField(
                label=_("The owner of the material has allowed us to adapt it."),
                help_text=_("Its licence does not allow changes without the owner's permission."),
            )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in CHANGE_NOTES):
            raise ValidationError(
                gettext("Say what you changed: fill in at least one of the changes."),
                code="no_changes",
            )
        return cleaned


def initial_for(source, user):
    """The form starts from the source material, so members only change what differs."""
    return {
        "title": source.title,
        "summary": source.summary,
        "description": description_as_text(source.description),
        "owner_organisation": user.organisation,
    }


class AnnouncementForm(forms.Form):
    language = forms.ModelChoiceField(
        label=_("Into which language"), queryset=Language.objects.all()
    )
    target_date = forms.DateField(
        label=_("Expected by"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("When you expect to publish it. The announcement lapses 90 days later."),
    )
    organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        help_text=_("Shown on the material, so that others can contact you."),
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {"organisation": user.organisation})
        super().__init__(*args, **kwargs)

    def clean_target_date(self):
        target_date = self.cleaned_data["target_date"]
        if target_date < timezone.localdate():
            raise ValidationError(gettext("The date is in the past."), code="past")
        return target_date
