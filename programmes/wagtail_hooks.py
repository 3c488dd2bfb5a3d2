"""The catalogue's own list, the study designs, sits with the shared vocabularies in the CMS."""

from wagtail import hooks

from vocabularies.wagtail_hooks import term_viewset

from .models import StudyDesign


@hooks.register("register_vocabulary_viewsets")
def study_design_viewsets():
    return [term_viewset(StudyDesign, ["tier"])]
