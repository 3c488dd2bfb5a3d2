"""Recompute a programme's rating whenever the set of its published evaluations changes, and
say why, so the rating history can explain every change."""

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import EvaluationPage, ProgrammePage


def _refresh_later(programme_id, reason=None, evaluation_id=None):
    def refresh():
        from .ratings import refresh_rating

        programme = ProgrammePage.objects.filter(pk=programme_id).first()
        if programme is None:
            return
        evaluation = (
            EvaluationPage.objects.filter(pk=evaluation_id).first() if evaluation_id else None
        )
        refresh_rating(programme, reason=reason, evaluation=evaluation)

    transaction.on_commit(refresh)


def _programme_of(page):
    if isinstance(page, ProgrammePage):
        return page.pk
    if isinstance(page, EvaluationPage):
        parent = page.get_parent()
        return parent.pk if parent else None
    return None


def _reason(page, event):
    from .ratings import evaluation_reason

    return evaluation_reason(page, event) if isinstance(page, EvaluationPage) else None


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    page = instance.specific_deferred
    if programme_id := _programme_of(page):
        _refresh_later(programme_id, _reason(page, "published"), page.pk)


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    page = instance.specific_deferred
    if programme_id := _programme_of(page):
        _refresh_later(programme_id, _reason(page, "unpublished"), page.pk)


@receiver(post_page_move)
def on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    page = instance.specific_deferred
    if isinstance(page, EvaluationPage):
        for parent in (parent_page_before, parent_page_after):
            _refresh_later(parent.pk, _reason(page, "moved"), page.pk)


@receiver(pre_delete, sender=EvaluationPage)
def on_evaluation_deleted(sender, instance, **kwargs):
    if programme_id := _programme_of(instance):
        _refresh_later(programme_id, _reason(instance, "deleted"))
