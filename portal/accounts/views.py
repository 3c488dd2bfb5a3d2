"""A member's own account pages. Other members' profiles are the working groups' (who may
see one depends on the groups people share): ``working_groups.views.members``.

Thin views: what is exported is decided in ``export``; what stops a deletion in each app's
``personal_data``; how an account is deleted in ``deletion``.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from allauth.account.decorators import reauthentication_required

from portal import personal_data

from . import deletion
from .export import export_user_data
from .forms import DeleteAccountForm, ProfileForm


def _posted(request):
    """The submitted data, even when empty (an empty POST must show its errors)."""
    return request.POST if request.method == "POST" else None


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(_posted(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("account_profile")
    return render(request, "portal/accounts/profile.html", {"form": form})


@login_required
@require_GET
def data(request):
    return render(request, "portal/accounts/data.html")


@never_cache
@login_required
@require_GET
@reauthentication_required
def data_download(request):
    """The export, after the member has just confirmed their password: a session left open
    on a shared computer must not hand out everything at once."""
    content = json.dumps(export_user_data(request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    filename = f"prevention-network-account-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def delete(request):
    """Deleting asks for the password again (allauth replays this POST once it is given)
    and is refused while an app says the account must stay (the last coordinator of a
    group, say)."""
    obstacles = personal_data.obstacles(request.user)
    form = DeleteAccountForm(_posted(request))
    if request.method == "POST" and not obstacles and form.is_valid():
        deletion.delete_account(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("/")
    status = 409 if request.method == "POST" and obstacles else 200
    context = {"form": form, "obstacles": obstacles}
    return render(request, "portal/accounts/delete.html", context, status=status)
