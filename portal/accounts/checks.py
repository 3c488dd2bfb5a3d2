"""System checks for what accounts depend on (messages for operators, in English)."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.caches, checks.Tags.security)
def rate_limit_cache_is_shared(app_configs, **kwargs):
    """allauth counts failed logins and password resets in the default cache. A cache that
    lives in one process (or none) gives each worker its own count, so the limits that stop
    password guessing do not hold in production."""
    if settings.DEBUG:
        return []
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is not shared between "
            "worker processes, so allauth's login and password-reset rate limits do not hold.",
            hint="Set CACHE_URL to a Redis server every worker shares, "
            "e.g. redis://127.0.0.1:6379/1.",
            id="portal.W001",
        )
    ]
