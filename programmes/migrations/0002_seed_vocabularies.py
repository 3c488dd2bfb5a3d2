"""Seed the controlled vocabularies from DOMAIN.md (see vocabularies/seed.py and
programmes/study_designs.py). The vocabularies moved to their own app later (vocabularies 0001)
without changing their tables.

Idempotent: existing terms (matched by slug or code) are left as editors made them.
"""

import pycountry

from django.db import migrations

from programmes.study_designs import STUDY_DESIGNS
from vocabularies import seed


def _seed_terms(model, rows):
    for order, (slug, name) in enumerate(rows):
        model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


def forwards(apps, schema_editor):
    get = lambda name: apps.get_model("programmes", name)  # noqa: E731
    _seed_terms(get("Practice"), seed.PRACTICES)
    _seed_terms(get("TargetGroup"), seed.TARGET_GROUPS)
    _seed_terms(get("PreventionLevel"), seed.PREVENTION_LEVELS)
    _seed_terms(get("Setting"), seed.SETTINGS)
    _seed_terms(get("DeliveryMode"), seed.DELIVERY_MODES)
    _seed_terms(get("Topic"), seed.TOPICS)
    _seed_terms(get("VulnerableGroup"), seed.VULNERABLE_GROUPS)
    _seed_terms(get("Outcome"), seed.OUTCOMES)
    for order, (slug, name, article, description) in enumerate(seed.LEGAL_ANCHORS):
        get("LegalAnchor").objects.get_or_create(
            slug=slug,
            defaults={"name": name, "article": article, "description": description, "sort_order": order},
        )
    for order, (slug, name, tier) in enumerate(STUDY_DESIGNS):
        get("StudyDesign").objects.get_or_create(
            slug=slug, defaults={"name": name, "tier": tier, "sort_order": order}
        )
    Country = get("Country")
    for country in pycountry.countries:
        Country.objects.get_or_create(
            code=country.alpha_2,
            defaults={
                "name": getattr(country, "common_name", country.name),
                "is_eu": country.alpha_2 in seed.EU_MEMBER_STATES,
            },
        )
    Language = get("Language")
    for code, name, is_eu in seed.LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name, "is_eu_official": is_eu})


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
