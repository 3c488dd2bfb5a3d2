from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("", views.index, name="index"),
    path("how-we-rate/", views.how_we_rate, name="how_we_rate"),
    path("gap-map/", views.gap_map, name="gap_map"),
    path("coverage/", views.coverage, name="coverage"),
    path("coverage.csv", views.coverage_csv, name="coverage_csv"),
    path("coverage/<str:code>/", views.country_coverage, name="country_coverage"),
]
