"""Recompute a programme's rating whenever the set of its published evaluations changes."""

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import EvaluationPage, ProgrammePage


def _refresh_later(programme_id):
    def refresh():
        from .ratings import refresh_rating

        programme = ProgrammePage.objects.filter(pk=programme_id).first()
        if programme is not None:
            refresh_rating(programme)

    transaction.on_commit(refresh)


def _programme_of(page):
    if isinstance(page, ProgrammePage):
        return page.pk
    if isinstance(page, EvaluationPage):
        parent = page.get_parent()
        return parent.pk if parent else None
    return None


@receiver(page_published)
@receiver(page_unpublished)
def on_publication_change(sender, instance, **kwargs):
    programme_id = _programme_of(instance.specific_deferred)
    if programme_id:
        _refresh_later(programme_id)


@receiver(post_page_move)
def on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if isinstance(instance.specific_deferred, EvaluationPage):
        for parent in (parent_page_before, parent_page_after):
            _refresh_later(parent.pk)


@receiver(pre_delete, sender=EvaluationPage)
def on_evaluation_deleted(sender, instance, **kwargs):
    programme_id = _programme_of(instance)
    if programme_id:
        _refresh_later(programme_id)
