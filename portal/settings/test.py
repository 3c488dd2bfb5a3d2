"""The test suite: fast hashing, mail kept in memory, media in a throwaway folder."""

import tempfile

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK, STORAGES

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "working_groups.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="portal-test-private-"), "base_url": None},
    },
}
SEARCH_INDEX_PREFIX = "portal-test"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The suite runs on the embedded index. Tests marked `elasticsearch` switch to this cluster
# (when ELASTICSEARCH_URL is set) with the `settings` fixture, under a throwaway index prefix.
ELASTICSEARCH_TEST_URL = ELASTICSEARCH_URL  # noqa: F405
ELASTICSEARCH_URL = ""

# The shared-cache warning is about production; the tests use a local cache on purpose.
SILENCED_SYSTEM_CHECKS = ["portal.W001"]

# The open-data API's anonymous rate limit must not slow other tests down; one test proves the
# limit with a lower rate of its own.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"}}
