"""The portal's URLs with the account pages under the language prefixes (``/de/accounts/``),
for tests of signing up in a language that hold whichever layout the portal uses."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.urls.resolvers import LocalePrefixPattern

from portal import urls


def _is_accounts(pattern):
    return str(pattern.pattern) == "accounts/"


def _is_localized(pattern):
    return isinstance(pattern.pattern, LocalePrefixPattern)


urlpatterns = [
    *(p for p in urls.urlpatterns if not _is_accounts(p) and not _is_localized(p)),
    # Before the pages' block, whose catch-all would otherwise take /de/accounts/...
    *i18n_patterns(
        path("accounts/", include("portal.accounts.urls")),
        path("accounts/", include("allauth.urls")),
        prefix_default_language=False,
    ),
    *(p for p in urls.urlpatterns if _is_localized(p)),
]
