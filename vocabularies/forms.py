"""The CMS form of a vocabulary term: one text field per language for its name.

The names are kept together in the term's ``translations`` ({language code: name}), so a term
stays one row that pages point at; the form shows them as plain fields, labelled with each
language's own name, and leaves out the empty ones."""

from django import forms
from django.conf import settings

from wagtail.admin.forms import WagtailAdminModelForm

# Every language of the interface but the default one, whose name is the term's ``name``.
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def translation_field(code):
    return f"name_{code.replace('-', '_')}"


def _fields():
    endonyms = dict(settings.LANGUAGES)
    return {
        translation_field(code): forms.CharField(
            label=f"{endonyms[code]} ({code})", max_length=150, required=False
        )
        for code in TRANSLATED_LANGUAGES
    }


class _TermFormBase(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for code in TRANSLATED_LANGUAGES:
            self.initial.setdefault(translation_field(code), stored.get(code, ""))

    def save(self, commit=True):
        translations = {
            code: name
            for code in TRANSLATED_LANGUAGES
            if (name := self.cleaned_data.get(translation_field(code), "").strip())
        }
        # Keep what the form does not show (a language no longer in the interface).
        kept = {
            code: name
            for code, name in (self.instance.translations or {}).items()
            if code not in TRANSLATED_LANGUAGES
        }
        self.instance.translations = {**kept, **translations}
        return super().save(commit=commit)


TermForm = type("TermForm", (_TermFormBase,), _fields())
