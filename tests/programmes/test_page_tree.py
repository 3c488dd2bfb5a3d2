"""Where each page type may live: the catalogue's tree is enforced by Wagtail's type rules."""

from wagtail.models import Page

import pytest

from portal.models import HomePage, StandardPage
from programmes.models import (
    EvaluationPage,
    ImplementationReportPage,
    ProgrammeIndexPage,
    ProgrammePage,
)
from tests.factories.programmes import ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def root():
    return Page.get_first_root_node()


@pytest.fixture
def programme(catalogue):
    return ProgrammePageFactory(parent=catalogue)


@pytest.fixture
def standard_page(home):
    page = StandardPage(title="About", slug="about")
    home.add_child(instance=page)
    return page


def test_programme_pages_live_only_in_a_catalogue(root, home, catalogue, programme, standard_page):
    assert ProgrammePage.allowed_parent_page_models() == [ProgrammeIndexPage]
    assert ProgrammePage.can_create_at(catalogue)
    for parent in (root, home, programme, standard_page):
        assert not ProgrammePage.can_create_at(parent), parent


@pytest.mark.parametrize("model", [EvaluationPage, ImplementationReportPage])
def test_evaluations_and_reports_live_only_under_a_programme(
    model, root, home, catalogue, programme, standard_page
):
    assert model.allowed_parent_page_models() == [ProgrammePage]
    assert model.can_create_at(programme)
    for parent in (root, home, catalogue, standard_page):
        assert not model.can_create_at(parent), parent


@pytest.mark.parametrize("model", [EvaluationPage, ImplementationReportPage])
def test_nothing_can_be_created_under_an_evaluation_or_report(model):
    assert model.allowed_subpage_models() == []


def test_a_programme_holds_only_evaluations_and_reports():
    assert set(ProgrammePage.allowed_subpage_models()) == {
        EvaluationPage,
        ImplementationReportPage,
    }


def test_catalogue_lives_only_under_the_home_page(root, home, standard_page):
    assert ProgrammeIndexPage.allowed_parent_page_models() == [HomePage]
    assert ProgrammeIndexPage.can_create_at(home)
    for parent in (root, standard_page):
        assert not ProgrammeIndexPage.can_create_at(parent), parent


def test_a_home_page_has_at_most_one_catalogue(home, catalogue):
    assert ProgrammeIndexPage.can_exist_under(home)
    assert not ProgrammeIndexPage.can_create_at(home)


def test_home_page_lives_only_at_the_root(root, home, catalogue, standard_page):
    assert HomePage.allowed_parent_page_models() == [Page]
    assert HomePage.can_exist_under(root)
    for parent in (home, catalogue, standard_page):
        assert not HomePage.can_exist_under(parent), parent


def test_the_root_holds_a_single_home_page(root, home):
    assert not HomePage.can_create_at(root)
