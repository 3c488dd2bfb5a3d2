"""Forms for members' evaluations, implementation reports and proposed programmes.

They only check input; ``services`` acts on it. A draft needs only what its page cannot be
saved without; sending it for review needs everything a moderator should see. Any form can be
rebuilt unbound from what was typed (``typed()``): that is how "Add another outcome" works
without JavaScript, showing one more row, no errors and every value as it was typed.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vocabularies.models import (
    AdaptationKind,
    Barrier,
    Country,
    Outcome,
    PreventionLevel,
    Setting,
    TargetGroup,
)

from ..choices import Direction, Fidelity, Independence, ProgrammeStatus, Significance
from ..models import StudyDesign
from ..models.evaluations import doi_validator, not_in_future
from . import services

YEAR_VALIDATORS = [MinValueValidator(1950), not_in_future]
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")


def _number(mode="numeric"):
    """A text box for a number: a browser keeps whatever was typed in it (it empties a
    type="number" box holding "two years"), so the member sees what to correct."""
    return forms.TextInput(attrs={"inputmode": mode})


def _textarea(rows=4):
    return forms.Textarea(attrs={"rows": rows})


def _checkboxes(model, label, long=False):
    attrs = {"class": "choice-list choice-list--long"} if long else {"class": "choice-list"}
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=model.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs=attrs),
    )


class ProgrammeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, programme):
        if programme.live:
            return programme.title
        return gettext("%(title)s (your proposal, not published yet)") % {
            "title": programme.draft_title
        }


class SubmissionForm(forms.Form):
    """What every contribution form shares: the programme it is about, draft or review rules,
    and rebuilding itself from what was typed."""

    # Required only to send for review; a draft may leave them empty.
    needed_to_submit = ()

    def __init__(self, data=None, *, user, draft=False, **kwargs):
        super().__init__(data, **kwargs)
        self.user = user
        self.draft = draft
        if "programme" in self.fields:
            self.fields["programme"].queryset = services.programme_choices(user)
        for name in self.needed_to_submit:
            self.fields[name].required = not draft

    @classmethod
    def for_page(cls, page, user, **kwargs):
        """An unbound form showing ``page`` (its latest revision) as it was saved."""
        initial = {}
        for name in cls.base_fields:
            value = page.get_parent().pk if name == "programme" else getattr(page, name)
            initial[name] = list(value.all()) if hasattr(value, "all") else value
        return cls(user=user, initial=initial, **kwargs)

    def typed_values(self):
        return {name: self[name].value() for name in self.fields}

    def typed(self, extra_rows=0):
        """An unbound copy that shows everything typed, without validating it."""
        return type(self)(user=self.user, initial=self.typed_values())


def _programme_field(help_text):
    return ProgrammeChoiceField(label=_("Programme"), queryset=None, help_text=help_text)


# Evaluations, with one row per outcome


class ResultForm(forms.Form):
    outcome = forms.ModelChoiceField(label=_("Outcome"), queryset=Outcome.objects.all())
    direction = forms.ChoiceField(
        label=_("Direction of the effect"), choices=Direction.choices, widget=forms.RadioSelect
    )
    significance = forms.ChoiceField(
        label=_("Statistical significance"),
        choices=Significance.choices,
        initial=Significance.NOT_REPORTED,
        widget=forms.RadioSelect,
    )
    effect_size = forms.DecimalField(
        label=_("Effect size"),
        required=False,
        max_digits=6,
        decimal_places=3,
        widget=_number("decimal"),
        help_text=_("If the study reports one, e.g. 0.35."),
    )
    effect_size_measure = forms.CharField(
        label=_("Effect size measure"),
        max_length=60,
        required=False,
        help_text=_("e.g. Cohen's d, odds ratio"),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("effect_size") is not None and not cleaned.get("effect_size_measure"):
            self.add_error(
                "effect_size_measure", gettext("Say which measure the effect size is given in.")
            )
        return cleaned


class BaseResultFormSet(forms.BaseFormSet):
    """The outcomes an evaluation measured: at least one to send it for review, each once."""

    def __init__(self, *args, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this outcome")

    def kept_forms(self):
        return [
            form
            for form in self.forms
            if form.cleaned_data and not (self.can_delete and self._should_delete_form(form))
        ]

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.kept_forms():
            outcome = form.cleaned_data["outcome"]
            if outcome in seen:
                form.add_error("outcome", gettext("This outcome is already given above."))
            seen.add(outcome)
        if not seen and not self.draft:
            raise ValidationError(
                gettext("Give at least one outcome the evaluation measured."), code="no_outcome"
            )

    def outcomes(self):
        """The kept rows' values, in order, ready for ``EvaluationResult``."""
        return [
            {name: value for name, value in form.cleaned_data.items() if name != "DELETE"}
            for form in self.kept_forms()
        ]

    def typed_rows(self):
        """What was typed in each row that is not empty and not marked for removal."""
        rows = []
        for form in self.forms:
            removed = "DELETE" in form.fields and form["DELETE"].value()
            if form.has_changed() and not removed:
                rows.append({name: form[name].value() for name in form.fields if name != "DELETE"})
        return rows


def result_formset(data=None, *, rows=(), extra=1, draft=False):
    formset_class = forms.formset_factory(
        ResultForm, formset=BaseResultFormSet, extra=extra, can_delete=True, can_delete_extra=False
    )
    return formset_class(data, initial=list(rows) or None, prefix="results", draft=draft)


class EvaluationForm(SubmissionForm):
    programme = _programme_field(_("The programme the study evaluated."))
    title = forms.CharField(
        label=_("Short title"),
        max_length=255,
        help_text=_("How the study is usually cited, e.g. “Beier et al. 2015”."),
    )
    reference = forms.CharField(
        label=_("Full reference"), widget=_textarea(3), help_text=_("The full citation.")
    )
    doi = forms.CharField(
        label=_("DOI"), max_length=200, required=False, help_text=_("e.g. 10.1111/jsm.12785")
    )
    study_url = forms.URLField(
        label=_("Link to the study"), required=False, max_length=200, assume_scheme="https"
    )
    publication_year = forms.IntegerField(
        label=_("Publication year"), validators=YEAR_VALIDATORS, widget=_number()
    )
    design = forms.ModelChoiceField(label=_("Study design"), queryset=StudyDesign.objects.all())
    sample_size = forms.IntegerField(
        label=_("Sample size"),
        required=False,
        min_value=1,
        widget=_number(),
        help_text=_("Number of participants, as a whole number."),
        error_messages={
            "invalid": _("Enter the number of participants as a whole number, e.g. 120."),
            "min_value": _("The sample size must be at least 1."),
        },
    )
    comparison_group = forms.CharField(
        label=_("Comparison group"),
        required=False,
        widget=_textarea(2),
        help_text=_("Who the participants were compared with, if anyone."),
    )
    follow_up_months = forms.IntegerField(
        label=_("Follow-up in months"),
        required=False,
        min_value=0,
        max_value=600,
        widget=_number(),
        help_text=_(
            "How long after the programme the outcomes were last measured, in months "
            "(two years = 24)."
        ),
        error_messages={
            "invalid": _("Enter the follow-up as a whole number of months, e.g. 24 for two years.")
        },
    )
    independence = forms.ChoiceField(
        label=_("Independence"),
        choices=Independence.choices,
        initial=Independence.UNKNOWN,
        widget=forms.RadioSelect,
    )
    countries = _checkboxes(Country, _("Countries where the study took place"), long=True)
    summary = forms.CharField(label=_("What it found"), required=False, widget=_textarea(5))

    needed_to_submit = ("publication_year",)

    def __init__(self, data=None, *, user, draft=False, results=(), extra_rows=2, **kwargs):
        super().__init__(data, user=user, draft=draft, **kwargs)
        self.results = result_formset(data, rows=results, extra=extra_rows, draft=draft)

    @classmethod
    def for_page(cls, page, user, **kwargs):
        rows = [
            {name: getattr(result, name) for name in ResultForm.base_fields}
            for result in page.results.all()
        ]
        return super().for_page(page, user, results=rows, extra_rows=1, **kwargs)

    def clean_doi(self):
        """A DOI pasted as a link is accepted and stored without its https://doi.org/."""
        doi = self.cleaned_data["doi"].strip()
        for prefix in DOI_PREFIXES:
            if doi.lower().startswith(prefix):
                doi = doi[len(prefix) :].strip()
        if doi:
            doi_validator(doi)
        return doi

    def is_valid(self):
        """Checks the outcome rows too; their values end up in ``cleaned_data["results"]``."""
        form_valid = super().is_valid()
        results_valid = self.results.is_valid()
        if form_valid and results_valid:
            self.cleaned_data["results"] = self.results.outcomes()
        return form_valid and results_valid

    def typed(self, extra_rows=0):
        rows = self.results.typed_rows()
        shown = self.results.total_form_count() + extra_rows
        return type(self)(
            user=self.user,
            initial=self.typed_values(),
            results=rows,
            extra_rows=max(shown - len(rows), 1),
        )


# Implementation reports


def _date_field(label, required=False):
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


class ReportForm(SubmissionForm):
    programme = _programme_field(_("The programme you ran."))
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        help_text=_("Optional. Without one, the report is named after where and when you ran it."),
    )
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all())
    place = forms.CharField(label=_("City or region"), max_length=200, required=False)
    started = _date_field(_("Started on"))
    ended = _date_field(_("Ended on"), required=False)
    setting = forms.ModelChoiceField(
        label=_("Setting"), queryset=Setting.objects.all(), required=False
    )
    adaptation_kinds = _checkboxes(AdaptationKind, _("What you adapted"))
    adaptations = forms.CharField(
        label=_("Adaptations you made"), required=False, widget=_textarea()
    )
    barrier_kinds = _checkboxes(Barrier, _("Barriers you met"))
    barriers = forms.CharField(label=_("About the barriers"), required=False, widget=_textarea())
    fidelity = forms.ChoiceField(
        label=_("Fidelity"),
        choices=Fidelity.choices,
        initial=Fidelity.UNKNOWN,
        widget=forms.RadioSelect,
        help_text=_("How closely you delivered the programme as it was designed."),
    )
    cost = forms.CharField(
        label=_("Cost"),
        required=False,
        widget=_textarea(2),
        help_text=_("What running it cost, and what that covered."),
    )
    observations = forms.CharField(
        label=_("What you observed"), required=False, widget=_textarea(6)
    )

    needed_to_submit = ("started", "observations")

    def clean_started(self):
        started = self.cleaned_data["started"]
        if started and started > timezone.localdate():
            raise ValidationError(gettext("The start date is in the future."), code="future")
        return started

    def clean(self):
        cleaned = super().clean()
        started, ended = cleaned.get("started"), cleaned.get("ended")
        if started and ended and ended < started:
            self.add_error("ended", gettext("The end date is before the start date."))
        return cleaned


# Proposing a programme


class ProgrammeForm(SubmissionForm):
    title = forms.CharField(label=_("Name of the programme"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=_textarea(4),
        help_text=_("What it is and who it is for, in a few sentences."),
    )
    organisation = forms.CharField(label=_("Organisation that runs it"), max_length=255)
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    contact = forms.CharField(
        label=_("Public contact"),
        max_length=255,
        required=False,
        help_text=_("An organisational address or web form. Never a private person's details."),
    )
    target_groups = _checkboxes(TargetGroup, _("Who it is for"))
    prevention_levels = _checkboxes(PreventionLevel, _("Prevention level"))
    settings = _checkboxes(Setting, _("Settings"))
    countries = _checkboxes(Country, _("Countries where it runs"), long=True)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ProgrammeStatus.choices,
        initial=ProgrammeStatus.ACTIVE,
        widget=forms.RadioSelect,
    )
    start_year = forms.IntegerField(
        label=_("Started in (year)"), required=False, validators=YEAR_VALIDATORS, widget=_number()
    )

    needed_to_submit = ("target_groups", "countries")
