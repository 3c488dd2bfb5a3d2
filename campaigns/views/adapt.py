"""Member actions on a material: adapt it, announce an adaptation; and the public family tree.

Thin views: who may act is decided in ``campaigns.permissions``, what happens in
``campaigns.adaptations``. Only live, public materials can be adapted, announced or shown in a
family tree; any other id is a 404. Changes are made by POST, with Django's CSRF check.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from portal.moderation import moderation_status, requested_changes

from .. import adaptations, permissions
from ..forms import AdaptationForm, AnnouncementForm
from ..models import AdaptationAnnouncement, MaterialPage

GET_OR_POST = require_http_methods(["GET", "HEAD", "POST"])
ANNOUNCED = gettext_lazy(
    "Thank you: your announcement is shown on the material, so nobody else starts the same work."
)


def _live_material(page_id):
    return get_object_or_404(MaterialPage.objects.live().public(), pk=page_id)


def _submitted(request):
    """The posted data and files, or None for a GET, so an empty POST still shows errors."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _refused(request, material, reason):
    """Explain why the member cannot adapt yet, and what to do about it."""
    context = {"material": material, "reason": str(reason)}
    return render(request, "campaigns/adapt/refused.html", context, status=403)


@login_required
@GET_OR_POST
def adapt(request, page_id):
    material = _live_material(page_id)
    if not permissions.can_adapt(request.user, material):
        return _refused(request, material, permissions.refusal(request.user))
    form = AdaptationForm(*_submitted(request), source=material, user=request.user)
    if request.method == "POST" and form.is_valid():
        adaptation = adaptations.start_adaptation(material, request.user, form.cleaned_data)
        return redirect("campaigns:adaptation_started", page_id=adaptation.pk)
    context = {
        "material": material,
        "form": form,
        "country": request.user.country,
        "announcements": adaptations.active_announcements(material),
    }
    return render(request, "campaigns/adapt/adapt.html", context)


@login_required
@require_safe
def adaptation_started(request, page_id):
    """The thank-you page after starting an adaptation; only its author sees it."""
    adaptation = get_object_or_404(
        MaterialPage.objects.select_related("adapted_from"), pk=page_id, adapted_by=request.user
    )
    context = {"adaptation": adaptation, "status": moderation_status(adaptation)}
    return render(request, "campaigns/adapt/started.html", context)


@login_required
@GET_OR_POST
def announce(request, page_id):
    material = _live_material(page_id)
    if not permissions.can_announce(request.user, material):
        return _refused(request, material, permissions.refusal(request.user))
    form = AnnouncementForm(_submitted(request)[0], user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            adaptations.announce(
                material,
                request.user,
                request.user.country,
                data["language"],
                data["target_date"],
                data["organisation"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, ANNOUNCED)
            return redirect(material.get_url(request))
    context = {
        "material": material,
        "form": form,
        "country": request.user.country,
        "announcements": adaptations.active_announcements(material),
    }
    return render(request, "campaigns/adapt/announce.html", context)


@require_safe
def lineage(request, page_id):
    """The public family tree: only live materials, never drafts."""
    material = _live_material(page_id)
    root = adaptations.lineage(material)
    context = {"material": material, "root": root, "size": adaptations.family_size(root)}
    return render(request, "campaigns/adapt/lineage.html", context)


@login_required
@require_safe
def my_adaptations(request):
    """The member's own adaptations and where each is in its review, and their announcements."""
    entries = []
    for page in adaptations.adaptations_by(request.user):
        entries.append(
            {
                "page": page,
                "status": moderation_status(page),
                "comment": requested_changes(page),
            }
        )
    announced = (
        AdaptationAnnouncement.objects.active()
        .filter(announced_by=request.user)
        .select_related("material", "language", "country")
    )
    context = {"entries": entries, "announcements": announced}
    return render(request, "campaigns/adapt/my_adaptations.html", context)
