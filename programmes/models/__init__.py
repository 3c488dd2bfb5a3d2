from .evaluations import EvaluationPage, EvaluationResult, ImplementationReportPage
from .pages import ProgrammeIndexPage, ProgrammeLink, ProgrammePage
from .rating import OutcomeRating, ProgrammeRating
from .vocabulary import (
    Country,
    DeliveryMode,
    Language,
    LegalAnchor,
    Outcome,
    Practice,
    PreventionLevel,
    Setting,
    StudyDesign,
    TargetGroup,
    Topic,
    VulnerableGroup,
)

__all__ = [
    "Country",
    "DeliveryMode",
    "EvaluationPage",
    "EvaluationResult",
    "ImplementationReportPage",
    "Language",
    "LegalAnchor",
    "Outcome",
    "OutcomeRating",
    "Practice",
    "PreventionLevel",
    "ProgrammeIndexPage",
    "ProgrammeLink",
    "ProgrammePage",
    "ProgrammeRating",
    "Setting",
    "StudyDesign",
    "TargetGroup",
    "Topic",
    "VulnerableGroup",
]
