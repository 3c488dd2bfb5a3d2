"""Rate limits of the open-data API, in the default cache.

Anonymous clients get ``API_ANON_RATE`` per address; signed-in members ten times that, so the
members' limit is always the higher one. Rates are read from the settings on every request
(DRF binds them once at import), so a changed setting takes effect at once.
"""

from django.core.exceptions import ImproperlyConfigured

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

MEMBER_FACTOR = 10


def anonymous_rate():
    """The anonymous rate, checked: "120/minute" (second, minute, hour or day)."""
    rate = api_settings.DEFAULT_THROTTLE_RATES.get("anon")
    number, _slash, period = str(rate).partition("/")
    if not number.isdigit() or period[:1] not in ("s", "m", "h", "d"):
        raise ImproperlyConfigured(
            f"API_ANON_RATE must look like 120/minute (per second, minute, hour or day), "
            f"not {rate!r}."
        )
    return int(number), period


class AnonymousRateThrottle(AnonRateThrottle):
    def get_rate(self):
        number, period = anonymous_rate()
        return f"{number}/{period}"


class MemberRateThrottle(UserRateThrottle):
    """Signed-in members only: anonymous clients are counted by ``AnonymousRateThrottle``."""

    def get_rate(self):
        number, period = anonymous_rate()
        return f"{number * MEMBER_FACTOR}/{period}"

    def allow_request(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return True
        return super().allow_request(request, view)


THROTTLES = [AnonymousRateThrottle, MemberRateThrottle]
