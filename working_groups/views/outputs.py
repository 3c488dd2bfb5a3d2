"""A member's e-mail preference for a group, and coordinators publishing the group's outputs."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import permissions
from ..models import Membership, WorkingGroup
from ..outputs import OutputForm, publish


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["notify"]
        widgets = {"notify": forms.RadioSelect}


@require_POST
@login_required
def notification_preference(request, slug):
    group = get_object_or_404(WorkingGroup, slug=slug)
    if not permissions.is_member(request.user, group):
        raise PermissionDenied
    membership = permissions.membership_of(request.user, group)
    form = NotificationPreferenceForm(request.POST, instance=membership)
    if form.is_valid():
        form.save()
        messages.success(
            request,
            _("E-mail about %(group)s: %(choice)s.")
            % {"group": group.name, "choice": membership.get_notify_display()},
        )
    else:
        messages.error(request, _("Please choose how you would like to be e-mailed."))
    return redirect(group.get_space_url())


@require_http_methods(["GET", "POST"])
@login_required
def publish_output(request, slug):
    group = get_object_or_404(WorkingGroup, slug=slug)
    if not permissions.can_publish_output(request.user, group):
        raise PermissionDenied
    form = OutputForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        page = publish(group, request.user, form.cleaned_data)
        messages.success(request, _("“%(title)s” is published.") % {"title": page.title})
        return redirect(page.url)
    context = {
        "group": group,
        "membership": permissions.membership_of(request.user, group),
        "section": "publish",
        "form": form,
    }
    return render(request, "working_groups/publish_output.html", context)
