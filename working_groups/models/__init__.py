"""Working groups: who belongs, their private space, what they are told, what they publish."""

from .activity import Activity, Notification
from .groups import Invitation, Membership, WorkingGroup
from .outputs import OutputIndexPage, OutputPage
from .space import DocumentVersion, GroupDocument, Meeting, Post, Thread

__all__ = [
    "Activity",
    "DocumentVersion",
    "GroupDocument",
    "Invitation",
    "Meeting",
    "Membership",
    "Notification",
    "OutputIndexPage",
    "OutputPage",
    "Post",
    "Thread",
    "WorkingGroup",
]
