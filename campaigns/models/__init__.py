"""Campaigns and the materials member states translate and adapt."""

from .adaptations import AdaptationAnnouncement
from .pages import (
    CampaignIndexPage,
    CampaignPage,
    MaterialFile,
    MaterialImage,
    MaterialPage,
    MaterialVideo,
)

__all__ = [
    "AdaptationAnnouncement",
    "CampaignIndexPage",
    "CampaignPage",
    "MaterialFile",
    "MaterialImage",
    "MaterialPage",
    "MaterialVideo",
]
