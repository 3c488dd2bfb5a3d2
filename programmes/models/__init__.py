from .evaluations import EvaluationPage, EvaluationResult, ImplementationReportPage
from .pages import ProgrammeIndexPage, ProgrammeLink, ProgrammePage
from .rating import OutcomeRating, ProgrammeRating, RatingChange
from .study_design import StudyDesign

__all__ = [
    "EvaluationPage",
    "EvaluationResult",
    "ImplementationReportPage",
    "OutcomeRating",
    "ProgrammeIndexPage",
    "ProgrammeLink",
    "ProgrammePage",
    "ProgrammeRating",
    "RatingChange",
    "StudyDesign",
]
