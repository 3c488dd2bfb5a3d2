"""The member's own account pages, under /accounts/ next to allauth's."""

from django.urls import path

from . import views

urlpatterns = [
    path("profile/", views.profile, name="account_profile"),
    path("data/", views.data, name="account_data"),
    path("data/download/", views.data_download, name="account_data_download"),
    path("delete/", views.delete, name="account_delete"),
]
