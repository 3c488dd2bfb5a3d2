"""Where group documents live: a storage with no public URL, outside MEDIA_ROOT, so neither
the web server nor Django's media route can ever serve them."""

import uuid

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage that has no URL at all: asking for one is a bug, not a link."""

    def url(self, name):
        raise ValueError("Private files have no URL: link to the download view instead.")


def private_storage():
    return storages["private"]


def version_upload_to(version, filename):
    """A random name in a folder per group: nothing about the file is guessable from its path,
    and the member-facing name is kept (sanitised) on the version."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"groups/{version.document.group_id}/{uuid.uuid4().hex}.{extension}"
