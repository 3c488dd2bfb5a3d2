"""Working-group URLs, under /working-groups/ (inside the language prefix).

The public part (index, group page) comes first; everything under ``<slug>/space/`` is the
private space. Every view checks ``permissions`` itself.
"""

from django.urls import path

from .views import members, membership, outputs, space

app_name = "working_groups"

# Mounted by ``portal.urls`` at the site's top level (inside the language prefix), without
# the namespace, so that ``{% url 'member_profile' pk %}`` and /members/<id>/ stay as they are.
member_urlpatterns = [
    path("members/<int:pk>/", members.member_profile, name="member_profile"),
]

urlpatterns = [
    path("", membership.index, name="index"),
    path("invitations/<str:token>/", membership.invitation, name="invitation"),
    path("<slug:slug>/", membership.group_detail, name="group"),
    path("<slug:slug>/join/", membership.join, name="join"),
    path("<slug:slug>/leave/", membership.leave, name="leave"),
    path("<slug:slug>/members/", membership.members, name="members"),
    path("<slug:slug>/members/invite/", membership.invite, name="invite"),
    path(
        "<slug:slug>/members/<int:membership_id>/<str:action>/",
        membership.change_membership,
        name="change_membership",
    ),
    path("<slug:slug>/notifications/", outputs.notification_preference, name="notifications"),
    path("<slug:slug>/space/", space.overview, name="space"),
    path("<slug:slug>/space/discussions/", space.threads, name="threads"),
    path("<slug:slug>/space/discussions/new/", space.new_thread, name="new_thread"),
    path("<slug:slug>/space/discussions/<int:thread_id>/", space.thread, name="thread"),
    path("<slug:slug>/space/posts/<int:post_id>/edit/", space.edit_post, name="edit_post"),
    path("<slug:slug>/space/posts/<int:post_id>/delete/", space.delete_post, name="delete_post"),
    path("<slug:slug>/space/documents/", space.documents, name="documents"),
    path("<slug:slug>/space/documents/new/", space.new_document, name="new_document"),
    path("<slug:slug>/space/documents/<int:document_id>/", space.document, name="document"),
    path(
        "<slug:slug>/space/documents/<int:document_id>/v<int:number>/download/",
        space.download,
        name="download",
    ),
    path("<slug:slug>/space/meetings/", space.meetings, name="meetings"),
    path("<slug:slug>/space/meetings/new/", space.new_meeting, name="new_meeting"),
    path("<slug:slug>/space/meetings/<int:meeting_id>/", space.meeting, name="meeting"),
    path(
        "<slug:slug>/space/meetings/<int:meeting_id>/edit/", space.edit_meeting, name="edit_meeting"
    ),
    path("<slug:slug>/space/outputs/new/", outputs.publish_output, name="publish_output"),
]
