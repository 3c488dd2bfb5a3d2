"""Forms a member fills in about their own account."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import User


class LanguageSelect(forms.Select):
    """Each language by its own name, marked with its language for screen readers."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class ProfileForm(forms.ModelForm):
    """What other members of a shared working group see about you (never your e-mail)."""

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "organisation",
            "country",
            "practice",
            "is_researcher",
            "working_languages",
            "preferred_language",
        ]
        widgets = {
            "working_languages": forms.CheckboxSelectMultiple,
            "preferred_language": LanguageSelect,
        }
        labels = {"first_name": _("First name"), "last_name": _("Last name")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["country"].empty_label = _("Not given")
        self.fields["practice"].empty_label = _("Not given")


class SignupNameForm(forms.Form):
    """Asked at sign-up, so that fellow group members see a name and never an address.
    allauth adds these fields to its own sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted and cannot be restored."),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )
