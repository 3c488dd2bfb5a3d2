"""Keeps stored ratings in step with published evaluations.

``programmes.evidence`` decides what a rating is; this module only gathers a programme's
published evaluations from the database, hands them to the rubric, and stores the result.
Evaluations are facts about a programme, not about one language version of its page, so
every translation of a programme shares the same evaluations and the same rating.
"""

from django.db import transaction
from django.db.models import Prefetch, Q
from django.dispatch import Signal

from portal.translations import pick_one_per_family
from vocabularies.models import Outcome

from . import evidence
from .models import (
    EvaluationPage,
    EvaluationResult,
    ImplementationReportPage,
    OutcomeRating,
    ProgrammePage,
    ProgrammeRating,
    RatingChange,
)

# Sent after a programme family's rating was stored, with ``programmes``: the family's pages.
rating_refreshed = Signal()


def translations_of(programme):
    """The programme and its translations (with their locales): they share evaluations,
    reports and rating."""
    return list(
        ProgrammePage.objects.filter(translation_key=programme.translation_key)
        .select_related("locale")
        .only(
            "id",
            "path",
            "depth",
            "locale__language_code",
            "translation_key",
            "content_type_id",
        )
    )


def _children_of_family(model, family):
    condition = Q()
    for member in family:
        condition |= Q(path__startswith=member.path, depth=member.depth + 1)
    return model.objects.live().filter(condition)


def _language_of(programme, family):
    """The programme's language, read from its family (fetched with their locales)."""
    for member in family:
        if member.pk == programme.pk:
            return member.locale.language_code
    return programme.locale.language_code


def evaluations_for(programme, family=None):
    """Published evaluations of a programme, newest first, in a fixed number of queries."""
    family = family or translations_of(programme)
    pages = (
        _children_of_family(EvaluationPage, family)
        .select_related("design", "locale")
        .prefetch_related(
            Prefetch("results", EvaluationResult.objects.select_related("outcome")),
            "countries",
        )
    )
    chosen = pick_one_per_family(pages, _language_of(programme, family))
    return sorted(chosen, key=lambda e: (-(e.publication_year or 0), e.title))


def reports_for(programme, family=None):
    family = family or translations_of(programme)
    pages = _children_of_family(ImplementationReportPage, family).select_related(
        "country", "setting", "locale"
    )
    chosen = pick_one_per_family(pages, _language_of(programme, family))
    return sorted(chosen, key=lambda r: (r.started is None, r.started), reverse=True)


def evidence_from(evaluation):
    """The rubric's view of one evaluation page."""
    return evidence.EvaluationEvidence(
        key=str(evaluation.translation_key),
        label=evaluation.title,
        tier=evidence.Tier(evaluation.design.tier),
        design=evaluation.design.slug,
        sample_size=evaluation.sample_size,
        follow_up_months=evaluation.follow_up_months,
        independent={"independent": True, "developer": False}.get(evaluation.independence),
        year=evaluation.publication_year,
        findings=tuple(
            evidence.Finding(
                outcome=result.outcome.slug,
                outcome_name=result.outcome.name,
                direction=evidence.Direction(result.direction),
                significant=result.significant,
                effect_size=float(result.effect_size) if result.effect_size is not None else None,
            )
            for result in evaluation.results.all()
        ),
    )


def _stored_levels(family):
    """The headline and per-outcome levels stored now (one family member speaks for all)."""
    stored = (
        ProgrammeRating.objects.filter(programme_id__in=[m.id for m in family])
        .prefetch_related(Prefetch("outcomes", OutcomeRating.objects.select_related("outcome")))
        .first()
    )
    if stored is None:
        return None, {}
    return stored.level, {o.outcome.slug: (o.outcome.name, o.level) for o in stored.outcomes.all()}


def _outcome_changes(before, result):
    after = {o.outcome: (o.outcome_name, o.level.value) for o in result.outcomes}
    changes = []
    for slug in sorted(set(before) | set(after), key=lambda s: (after.get(s) or before[s])[0]):
        old, new = before.get(slug, (None, None)), after.get(slug, (None, None))
        if old[1] != new[1]:
            changes.append({"outcome": slug, "old": old[1], "new": new[1]})
    return changes


def _record_change(programme, old_level, before, result, reason, evaluation):
    changes = _outcome_changes(before, result)
    # A programme never rated before counts as "insufficient": no evaluations, nothing to record.
    if (old_level or evidence.Level.INSUFFICIENT.value) == result.level.value and not changes:
        return None
    return RatingChange.objects.create(
        translation_key=programme.translation_key,
        old_level=old_level or "",
        new_level=result.level.value,
        outcomes=changes,
        reason=reason or RECOMPUTED,
        legacy_reason="",
        evaluation=evaluation,
        rubric_version=result.version,
    )


# The reason of a change no evaluation caused (a new rubric version, a rerun): shown worded by
# ``programmes.explanations``.
RECOMPUTED = {"code": "recomputed"}


@transaction.atomic
def refresh_rating(programme, reason=None, evaluation=None):
    """Recompute and store the rating of a programme and all its translations.

    A change of the headline or of any outcome's level is kept as a ``RatingChange`` with
    ``reason``, structured data (see ``evaluation_reason``); recomputing to the same result
    records nothing. Explanations are stored as the rubric's sentence records, never as text."""
    family = translations_of(programme)
    old_level, before = _stored_levels(family)
    result = evidence.rate_programme(evidence_from(e) for e in evaluations_for(programme, family))
    outcome_ids = dict(
        Outcome.objects.filter(slug__in=[o.outcome for o in result.outcomes]).values_list(
            "slug", "id"
        )
    )
    for member in family:
        stored, _created = ProgrammeRating.objects.update_or_create(
            programme_id=member.id,
            defaults={
                "level": result.level.value,
                "rank": result.level.rank,
                "explanation": [s.as_data() for s in result.explanation],
                "has_harm": bool(result.harmful_outcomes),
                "has_harm_signal": bool(result.harm_signals),
                "rubric_version": result.version,
            },
        )
        stored.outcomes.all().delete()
        OutcomeRating.objects.bulk_create(
            OutcomeRating(
                programme_rating=stored,
                outcome_id=outcome_ids[o.outcome],
                level=o.level.value,
                rank=o.level.rank,
                explanation=[s.as_data() for s in o.explanation],
                reasons=[s.as_data() for s in o.reasons],
                harm_signal=o.harm_signal,
            )
            for o in result.outcomes
        )
    _record_change(programme, old_level, before, result, reason, evaluation)
    rating_refreshed.send(sender=ProgrammePage, programmes=family)
    return result


def rating_history(programme):
    """Every recorded change of a programme's rating, newest first."""
    return RatingChange.objects.filter(translation_key=programme.translation_key).select_related(
        "evaluation"
    )


EVENTS = ("published", "unpublished", "moved", "deleted")


def evaluation_reason(evaluation, event="published"):
    """Why a rating changed, as data worded when shown (``explanations.change_reason``): the
    event, the evaluation (its id, and its title, kept for when it is gone), its design and
    the outcomes it found positive, no effect on, or harmful."""
    findings = {"positive": [], "none": [], "harmful": []}
    for result in evaluation.results.all():
        findings[result.direction].append(result.outcome.slug)
    return {
        "code": "evaluation",
        "event": event,
        "evaluation": {"key": str(evaluation.translation_key), "title": evaluation.title},
        "design": evaluation.design.slug if evaluation.design_id else None,
        "findings": {direction: sorted(set(slugs)) for direction, slugs in findings.items()},
    }


def refresh_all_ratings():
    count = 0
    seen = set()
    for programme in ProgrammePage.objects.order_by("path").iterator():
        if programme.translation_key in seen:
            continue
        seen.add(programme.translation_key)
        refresh_rating(programme)
        count += 1
    return count
