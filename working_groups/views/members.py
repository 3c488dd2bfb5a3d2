"""Another member's profile, at ``/members/<id>/``.

Thin view: who may see a profile is decided in ``permissions`` (the person themselves, and
members of a group they share). The member's own editable profile is an account page
(``portal.accounts``).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .. import permissions
from ..models import WorkingGroup


@login_required
@require_GET
def member_profile(request, pk):
    """Seen only by the person and by members of a group they share. Anyone else gets the
    same 404 as for an id that does not exist, so ids reveal nobody."""
    person = get_object_or_404(
        get_user_model().objects.select_related("country", "practice"), pk=pk
    )
    if not permissions.can_view_profile(request.user, person):
        raise Http404
    shared = permissions.member_group_ids(request.user) & permissions.member_group_ids(person)
    context = {
        "person": person,
        "languages": person.working_languages.all(),
        "shared_groups": WorkingGroup.objects.filter(pk__in=shared).order_by("name"),
    }
    return render(request, "working_groups/member_profile.html", context)
