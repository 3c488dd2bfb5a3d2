"""Whether a member has confirmed an e-mail address: the condition for contributing anything
(joining a working group, submitting, adapting materials)."""


def has_verified_email(user):
    """Read once per request and cached on the user object."""
    cached = getattr(user, "_has_verified_email", None)
    if cached is None:
        from allauth.account.models import EmailAddress

        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._has_verified_email = cached
    return cached
