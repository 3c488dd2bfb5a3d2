"""Local development: works with nothing set in the environment."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# Lets security keys and passkeys be tried on http://localhost (browsers require HTTPS elsewhere).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
