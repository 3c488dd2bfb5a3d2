"""Members' contributions to the catalogue (see views). Mounted at /contribute/ inside the
language prefix. Every view checks ``permissions`` itself."""

from django.urls import path

from . import views

app_name = "submissions"

urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("evaluation/new/", views.new_evaluation, name="new_evaluation"),
    path("evaluation/<int:page_id>/edit/", views.edit_evaluation, name="edit_evaluation"),
    path("report/new/", views.new_report, name="new_report"),
    path("report/<int:page_id>/edit/", views.edit_report, name="edit_report"),
    path("programme/new/", views.propose_programme, name="propose_programme"),
    path("programme/<int:page_id>/edit/", views.edit_programme, name="edit_programme"),
]
