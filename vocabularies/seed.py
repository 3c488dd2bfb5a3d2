"""The controlled vocabularies as DOMAIN.md defines them.

The data migration seeds these terms once; after that, editors own the lists in the
Wagtail admin (they may add, rename or reorder terms). Slugs are stable identifiers
used by the demo loader, the search index and the API, so never change a slug here.
(Study designs, which only the evidence rubric reads, are seeded by ``programmes``.)

The names of the terms in the other EU languages are in ``seed_translations/<language>.json``
(``{model name: {slug: name}}``), one file per language so that a translator reviews one file.
They follow the EU's own terminology where it has one, and say "child sexual abuse material
(CSAM)", never the equivalent of "child pornography".
"""

import json
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "seed_translations"


def translations():
    """``{model name: {slug: {language code: name}}}`` from every file of translations."""
    found = {}
    for path in sorted(TRANSLATIONS_DIR.glob("*.json")):
        for model_name, names in json.loads(path.read_text(encoding="utf-8")).items():
            for slug, name in names.items():
                found.setdefault(model_name, {}).setdefault(slug, {})[path.stem] = name
    return found


def add_translations(model, by_slug):
    """Give the terms of ``model`` the seeded names (``{slug: {language: name}}``) in the
    languages they have none in yet: a name an editor gave is kept."""
    for term in model.objects.filter(slug__in=by_slug):
        merged = {**by_slug[term.slug], **(term.translations or {})}
        if merged != term.translations:
            term.translations = merged
            term.save(update_fields=["translations"])


PRACTICES = [
    ("healthcare", "Healthcare"),
    ("social-work", "Social work"),
    ("education", "Education"),
    ("law-enforcement", "Law enforcement"),
    ("judiciary", "Judiciary"),
    ("prison-probation", "Prison and probation"),
    ("policy-making", "Policy making"),
    ("research", "Research"),
    ("civil-society", "Civil society and NGOs"),
]

TARGET_GROUPS = [
    ("fear-they-might-offend", "People who fear they might offend"),
    ("offended-criminal-proceedings", "People who have offended: during criminal proceedings"),
    ("offended-in-prison", "People who have offended: in prison"),
    ("offended-after-release", "People who have offended: after release"),
    ("children", "Children"),
    ("parents-carers", "Parents and carers"),
    ("professionals-with-children", "Professionals working with children"),
    ("organisations-with-children", "Organisations working with children"),
    ("general-public", "General public"),
]

PREVENTION_LEVELS = [
    ("primary", "Primary (whole population)"),
    ("secondary", "Secondary (people at risk)"),
    ("tertiary", "Tertiary (after offending, to prevent re-offending)"),
]

# (slug, name, article, description)
LEGAL_ANCHORS = [
    (
        "art-22",
        "Art. 22: intervention for people who fear they might offend",
        "22",
        "Directive 2011/93/EU, Article 22: preventive intervention programmes or measures for "
        "persons who fear that they might commit an offence.",
    ),
    (
        "art-23",
        "Art. 23: awareness, education and training",
        "23",
        "Directive 2011/93/EU, Article 23: prevention through information and awareness-raising "
        "campaigns, research and education, and training of officials.",
    ),
    (
        "art-24",
        "Art. 24: intervention during or after criminal proceedings",
        "24",
        "Directive 2011/93/EU, Article 24: intervention programmes or measures on a voluntary "
        "basis in the course of or after criminal proceedings.",
    ),
    (
        "art-10",
        "Art. 10: screening of people who work with children",
        "10",
        "Directive 2011/93/EU, Article 10: disqualification arising from convictions, and "
        "criminal-records checks for people who work with children.",
    ),
]

SETTINGS = [
    ("community", "Community"),
    ("prison-forensic", "Prison or forensic"),
    ("online", "Online"),
    ("school", "School"),
    ("healthcare", "Healthcare"),
    ("sports", "Sports"),
    ("religious", "Religious"),
    ("after-school", "After-school"),
    ("family-home", "Family home"),
]

DELIVERY_MODES = [
    ("individual-therapy", "Individual therapy"),
    ("group", "Group"),
    ("online-self-help", "Online self-help"),
    ("helpline-chat", "Helpline or chat"),
    ("app", "App"),
    ("media-campaign", "Media campaign"),
    ("training-course", "Training course"),
    ("lesson-plan", "Lesson plan"),
]

TOPICS = [
    ("grooming", "Grooming"),
    ("sextortion", "Sexual coercion and extortion (\u201csextortion\u201d)"),
    ("live-distant-abuse", "Live-distant child abuse"),
    ("csam-viewing", "Child sexual abuse material (CSAM) viewing"),
    ("self-generated-material", "Self-generated material"),
    ("safe-internet-use", "Safe internet use"),
    ("disclosure-reporting", "Disclosure and reporting"),
    ("safeguarding-procedures", "Safeguarding procedures"),
]

VULNERABLE_GROUPS = [
    ("children-with-disabilities", "Children with disabilities"),
    ("children-in-migration", "Children in migration (unaccompanied minors)"),
    ("trafficking-victims", "Child victims of trafficking"),
]

OUTCOMES = [
    ("sexual-reoffending", "Sexual re-offending"),
    ("any-reoffending", "Any re-offending"),
    ("csam-use", "Child sexual abuse material (CSAM) use"),
    ("help-seeking", "Help-seeking and engagement"),
    ("dynamic-risk-factors", "Dynamic risk factors"),
    ("knowledge", "Knowledge"),
    ("attitudes", "Attitudes"),
    ("protective-behaviour", "Protective behaviour"),
    ("disclosure-reporting", "Disclosure and reporting"),
    ("wellbeing", "Wellbeing"),
]

# What got in the way of running a programme (implementation reports), so the programme page can
# say which barriers come up most often. Reports also describe them in their own words.
BARRIERS = [
    ("funding", "Funding"),
    ("staff-time", "Staff time and workload"),
    ("training", "Training and qualified staff"),
    ("recruitment", "Reaching and recruiting participants"),
    ("stigma", "Stigma and fear of disclosure"),
    ("legal-framework", "Legal framework (e.g. mandatory reporting)"),
    ("data-protection", "Data protection and confidentiality"),
    ("language-culture", "Language and cultural fit"),
    ("management-support", "Support from management or partners"),
    ("technology", "Technology and infrastructure"),
]

# What implementers changed when they adapted a programme to their context.
ADAPTATION_KINDS = [
    ("translation", "Translation"),
    ("cultural-content", "Cultural content and examples"),
    ("legal-references", "Legal references and reporting duties"),
    ("helplines", "Local helplines and services"),
    ("delivery-mode", "Delivery mode (e.g. online instead of face to face)"),
    ("dosage", "Number or length of sessions"),
    ("target-group", "Target group or age band"),
    ("setting", "Setting"),
    ("staffing", "Who delivers it"),
]

EU_MEMBER_STATES = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
]

# (ISO 639-1 code, English name, is an EU official language)
LANGUAGES = [
    ("bg", "Bulgarian", True),
    ("hr", "Croatian", True),
    ("cs", "Czech", True),
    ("da", "Danish", True),
    ("nl", "Dutch", True),
    ("en", "English", True),
    ("et", "Estonian", True),
    ("fi", "Finnish", True),
    ("fr", "French", True),
    ("de", "German", True),
    ("el", "Greek", True),
    ("hu", "Hungarian", True),
    ("ga", "Irish", True),
    ("it", "Italian", True),
    ("lv", "Latvian", True),
    ("lt", "Lithuanian", True),
    ("mt", "Maltese", True),
    ("pl", "Polish", True),
    ("pt", "Portuguese", True),
    ("ro", "Romanian", True),
    ("sk", "Slovak", True),
    ("sl", "Slovenian", True),
    ("es", "Spanish", True),
    ("sv", "Swedish", True),
    ("uk", "Ukrainian", False),
    ("ar", "Arabic", False),
    ("ru", "Russian", False),
    ("tr", "Turkish", False),
    ("no", "Norwegian", False),
    ("is", "Icelandic", False),
    ("sq", "Albanian", False),
    ("sr", "Serbian", False),
    ("mk", "Macedonian", False),
    ("bs", "Bosnian", False),
    ("fa", "Persian", False),
    ("zh", "Chinese", False),
]
