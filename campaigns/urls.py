"""Member actions on materials: adapt, announce, and the lineage view (see views/).

Mounted at /materials/ inside the language prefix. Every view checks ``permissions`` itself.
"""

from django.urls import path

from .views import adapt

app_name = "campaigns"

urlpatterns = [
    path("my-adaptations/", adapt.my_adaptations, name="my_adaptations"),
    path("<int:page_id>/adapt/", adapt.adapt, name="adapt"),
    path("<int:page_id>/adapt/started/", adapt.adaptation_started, name="adaptation_started"),
    path("<int:page_id>/announce/", adapt.announce, name="announce"),
    path("<int:page_id>/lineage/", adapt.lineage, name="lineage"),
]
