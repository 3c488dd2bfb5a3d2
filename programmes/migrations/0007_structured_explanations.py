"""Ratings and their history keep the rubric's explanations as data, worded when shown in the
reader's language (``programmes.explanations``), instead of English sentences.

Text stored before is kept as it is and shown marked as English: an explanation becomes one
``{"code": "legacy", "text": …}`` record, a history reason moves to ``legacy_reason`` (the
one fixed sentence, "Ratings recomputed …", becomes its code). ``manage.py refresh_ratings``
then rewrites every rating's explanation as data; the history keeps its old reasons."""

from django.db import migrations, models

RECOMPUTED_TEXT = "Ratings recomputed from the published evaluations."


def _legacy(text):
    return [{"code": "legacy", "text": text}] if text else []


def to_records(apps, schema_editor):
    ProgrammeRating = apps.get_model("programmes", "ProgrammeRating")
    OutcomeRating = apps.get_model("programmes", "OutcomeRating")
    RatingChange = apps.get_model("programmes", "RatingChange")
    for rating in ProgrammeRating.objects.all():
        rating.explanation_data = _legacy(rating.explanation)
        rating.save(update_fields=["explanation_data"])
    for rating in OutcomeRating.objects.all():
        rating.explanation_data = _legacy(rating.explanation)
        rating.reasons = [
            {"code": "legacy", "text": r} if isinstance(r, str) else r for r in rating.reasons
        ]
        rating.save(update_fields=["explanation_data", "reasons"])
    RatingChange.objects.filter(legacy_reason=RECOMPUTED_TEXT).update(
        reason={"code": "recomputed"}, legacy_reason=""
    )


def _text(records):
    return " ".join(r.get("text", "") for r in records if r.get("code") == "legacy")


def to_text(apps, schema_editor):
    ProgrammeRating = apps.get_model("programmes", "ProgrammeRating")
    OutcomeRating = apps.get_model("programmes", "OutcomeRating")
    RatingChange = apps.get_model("programmes", "RatingChange")
    for rating in ProgrammeRating.objects.all():
        rating.explanation = _text(rating.explanation_data)
        rating.save(update_fields=["explanation"])
    for rating in OutcomeRating.objects.all():
        rating.explanation = _text(rating.explanation_data)
        rating.reasons = [r["text"] for r in rating.reasons if r.get("code") == "legacy"]
        rating.save(update_fields=["explanation", "reasons"])
    for change in RatingChange.objects.filter(legacy_reason=""):
        reason = change.reason or {}
        if reason.get("code") == "evaluation":  # the short form; the details stay behind
            title, event = reason["evaluation"]["title"], reason.get("event", "published")
            change.legacy_reason = f"Evaluation “{title}” {event}."
        else:
            change.legacy_reason = RECOMPUTED_TEXT
        change.save(update_fields=["legacy_reason"])


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0006_term_translations"),
    ]

    operations = [
        migrations.AddField(
            model_name="programmerating",
            name="explanation_data",
            field=models.JSONField(default=list, verbose_name="why"),
        ),
        migrations.AddField(
            model_name="outcomerating",
            name="explanation_data",
            field=models.JSONField(default=list, verbose_name="why"),
        ),
        migrations.RenameField(
            model_name="ratingchange", old_name="reason", new_name="legacy_reason"
        ),
        migrations.AlterField(
            model_name="ratingchange",
            name="legacy_reason",
            field=models.TextField(blank=True, verbose_name="reason (before structured reasons)"),
        ),
        migrations.AddField(
            model_name="ratingchange",
            name="reason",
            field=models.JSONField(default=dict, verbose_name="reason"),
        ),
        migrations.RunPython(to_records, to_text),
        # A default, so that undoing the removal below can add the text columns back.
        migrations.AlterField(
            model_name="programmerating",
            name="explanation",
            field=models.TextField(blank=True, default="", verbose_name="why"),
        ),
        migrations.AlterField(
            model_name="outcomerating",
            name="explanation",
            field=models.TextField(blank=True, default="", verbose_name="why"),
        ),
        migrations.RemoveField(model_name="programmerating", name="explanation"),
        migrations.RemoveField(model_name="outcomerating", name="explanation"),
        migrations.RenameField(
            model_name="programmerating", old_name="explanation_data", new_name="explanation"
        ),
        migrations.RenameField(
            model_name="outcomerating", old_name="explanation_data", new_name="explanation"
        ),
    ]
