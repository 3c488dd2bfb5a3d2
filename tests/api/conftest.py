"""A small but realistic portal for the open-data API: programmes in two languages with a
published evaluation (so a computed rating and its history), a report, a draft, materials
with translations and an adaptation, and a working group's private space. Everything is
created as an editor would, with the on-commit work (ratings, search index) run."""

from types import SimpleNamespace

from django.core.files.base import ContentFile

from wagtail.models import PageViewRestriction

import pytest

from tests.factories.campaigns import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    MaterialPageFactory,
    translate,
)
from tests.factories.portal import UserFactory
from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)
from tests.factories.working_groups import MeetingFactory, ThreadFactory, WorkingGroupFactory
from vocabularies.models import Country
from working_groups.models import DocumentVersion, GroupDocument

PRIVATE_WORDS = "Nightjar"  # in every private title: it must never appear in the API


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block's on-commit work (rating refresh, indexing) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _programmes(catalogue):
    therapy = ProgrammePageFactory(
        parent=catalogue,
        title="Anonymous therapy for people who fear they might offend",
        summary='=HYPERLINK("https://evil.example") confidential therapy.',
        organisation="Charité Berlin",
        target_groups=["fear-they-might-offend"],
        practices=["healthcare"],
        prevention_levels=["secondary"],
        countries=["DE", "AT"],
        languages=["de", "en"],
        start_year=2005,
    )
    prison = ProgrammePageFactory(
        parent=catalogue,
        title="Group programme in prison",
        target_groups=["offended-in-prison"],
        practices=["prison-probation"],
        prevention_levels=["tertiary"],
        countries=["FR"],
        start_year=2012,
    )
    draft = ProgrammePageFactory(
        parent=catalogue, title="Unpublished draft programme", countries=["DE"], live=False
    )
    return therapy, prison, draft


def _evaluation(therapy, publish):
    evaluation = EvaluationPageFactory(
        parent=therapy,
        title="Randomised trial of the therapy",
        publication_year=2021,
        follow_up_months=24,
        live=False,
        results=[
            {
                "outcome": "dynamic-risk-factors",
                "direction": "positive",
                "significance": "significant",
                "effect_size": "-0.350",
                "effect_size_measure": "Cohen's d",
            },
            {"outcome": "wellbeing", "direction": "none", "significance": "not_significant"},
        ],
    )
    evaluation.countries.set(Country.objects.filter(code="DE"))
    return publish(evaluation)


def _private_space():
    group = WorkingGroupFactory(name=f"{PRIVATE_WORDS} working group")
    member = UserFactory()
    ThreadFactory(group=group, title=f"{PRIVATE_WORDS} discussion", body="Closed talk.")
    MeetingFactory(group=group, title=f"{PRIVATE_WORDS} meeting")
    document = GroupDocument.objects.create(
        group=group, title=f"{PRIVATE_WORDS} document", created_by=member
    )
    version = DocumentVersion(
        document=document,
        number=1,
        filename="nightjar.txt",
        content_type="text/plain",
        size=5,
        uploaded_by=member,
    )
    version.file.save("nightjar.txt", ContentFile(b"notes"), save=False)
    version.save()
    return group


def _materials(home):
    campaigns = CampaignIndexPageFactory(parent=home)
    campaign = CampaignPageFactory(parent=campaigns, title="Say No!", owner_organisation="Europol")
    poster = MaterialPageFactory(
        parent=campaign,
        title="Say No poster",
        audiences=["children"],
        topics=["sextortion"],
        country_of_origin="NL",
        language_of_origin="en",
        files=["en", ("ga", "Póstaer")],
    )
    german = translate(poster, "de")
    adaptation = MaterialPageFactory(
        parent=campaign,
        title="Powiedz nie plakat",
        audiences=["children"],
        adapted_from=poster,
        adapted_for="PL",
        language="pl",
        country_of_origin="PL",
        changed_helplines="116 111 in Poland",
    )
    restricted = MaterialPageFactory(parent=campaign, title="Restricted leaflet")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    return poster, german, adaptation, restricted


@pytest.fixture
def content(home, committed, publish):
    from tests.factories.programmes import ProgrammeIndexPageFactory

    with committed():
        catalogue = ProgrammeIndexPageFactory(parent=home)
        therapy, prison, draft = _programmes(catalogue)
        therapy_de = translate(therapy, "de")
        evaluation = _evaluation(therapy, publish)
        report = ImplementationReportPageFactory(parent=therapy, title="Running it in Vienna")
        group = _private_space()
        poster, poster_de, adaptation, restricted = _materials(home)
    return SimpleNamespace(
        catalogue=catalogue,
        therapy=therapy,
        therapy_de=therapy_de,
        prison=prison,
        draft=draft,
        evaluation=evaluation,
        report=report,
        group=group,
        poster=poster,
        poster_de=poster_de,
        adaptation=adaptation,
        restricted=restricted,
    )
