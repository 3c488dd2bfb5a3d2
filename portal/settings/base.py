"""Settings shared by every environment.

Every value that comes from the environment is declared once, with its type and default,
in ``env`` below, and listed in the README. Dev works with nothing set; production
refuses to start without the secrets it needs (see ``production.py``).
"""

from pathlib import Path

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# name: (type, default). The only place the environment is read.
env = environ.Env(
    SECRET_KEY=(str, ""),
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    CACHE_URL=(str, "locmemcache://"),
    ELASTICSEARCH_URL=(str, ""),
    SEARCH_INDEX_PREFIX=(str, "portal-dev"),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Prevention Network <no-reply@localhost>"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    MEDIA_URL=(str, "/media/"),
    MEDIA_STORAGE_BACKEND=(str, "django.core.files.storage.FileSystemStorage"),
    PRIVATE_MEDIA_ROOT=(str, str(BASE_DIR / "private_media")),
    GROUP_UPLOAD_MAX_MB=(int, 20),
    STATIC_ROOT=(str, str(BASE_DIR / "static_collected")),
    SITE_URL=(str, "http://127.0.0.1:8000"),
    TRUSTED_PROXY=(bool, False),
    LOG_LEVEL=(str, "INFO"),
    API_ANON_RATE=(str, "120/minute"),
)

SECRET_KEY = env("SECRET_KEY")
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # First, so that its rows are the first restored by the tests' serialized rollback: a page
    # being restored looks its content type up (wagtail.models.Page.__init__).
    "django.contrib.contenttypes",
    "vocabularies",
    "portal",
    "programmes",
    "working_groups",
    "campaigns",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.i18n.PrefixLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # CMS users must set up two-factor authentication before they reach /admin/.
    "portal.accounts.middleware.CMSTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db_url_config(env("DATABASE_URL"))}
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the dev server and a management command share the file.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url_config(env("CACHE_URL"))}

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: members log in with their e-mail address.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "portal.accounts.forms.SignupNameForm"
# Sign-up keeps the visitor's language; allauth's e-mails go out in the member's language.
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/10m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "5/h/ip,3/h/key",
}
# Two-factor authentication: an authenticator app, security keys or passkeys, and recovery
# codes. Required of everyone with CMS access (portal.accounts.middleware).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Prevention Network"
# Browsers only allow WebAuthn on HTTPS, or on http://localhost in development.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

# Internationalisation: UI strings are marked for translation; content locales are the
# 24 official languages of the EU, with English as the default.
LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
# The portal's own catalogues first: they win over every other. Then allauth's sign-in, sign-up,
# e-mail and two-factor strings in Maltese and Irish, which allauth does not translate, and in
# Portuguese ("pt": allauth has only pt_PT and pt_BR), corrected: see
# portal/allauth_locale/README.md. Not named "locale", so `makemessages` never rewrites it.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "allauth_locale"]
# Dates and numbers follow the visitor's language (Django's format modules); the portal adds
# the EU languages Django has none for (Maltese), with CLDR's values.
FORMAT_MODULE_PATH = ["portal.formats"]
EU_LANGUAGES = [
    ("en", "English"),
    ("bg", "Български"),
    ("cs", "Čeština"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("es", "Español"),
    ("et", "Eesti"),
    ("fi", "Suomi"),
    ("fr", "Français"),
    ("ga", "Gaeilge"),
    ("hr", "Hrvatski"),
    ("hu", "Magyar"),
    ("it", "Italiano"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("mt", "Malti"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("sv", "Svenska"),
]
LANGUAGES = EU_LANGUAGES
# Django ships no Maltese locale: give it what get_language_info() reads. Maltese interface
# strings come from the portal's own catalogue (portal/locale/mt), whose presence is also what
# lets i18n_patterns accept the /mt/ prefix.
LANG_INFO.setdefault("mt", {"bidi": False, "code": "mt", "name": "Maltese", "name_local": "Malti"})
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = EU_LANGUAGES
# Django ships no Maltese locale: give it what get_language_info() reads. Maltese interface
# strings come from the portal's own catalogue (portal/locale/mt), whose presence is also what
# lets i18n_patterns accept the /mt/ prefix.
LANG_INFO.setdefault("mt", {"bidi": False, "code": "mt", "name": "Maltese", "name_local": "Malti"})
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = env("MEDIA_URL")
STORAGES = {
    "default": {"BACKEND": env("MEDIA_STORAGE_BACKEND")},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Working-group documents: never under MEDIA_ROOT and with no URL, so only the
    # permission-checking download view can read them.
    "private": {
        "BACKEND": "working_groups.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": env("PRIVATE_MEDIA_ROOT"), "base_url": None},
    },
}
GROUP_UPLOAD_MAX_BYTES = env("GROUP_UPLOAD_MAX_MB") * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

vars().update(env.email_url(var="EMAIL_URL"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
# A hanging mail server must not hold a member's request for long: unsent mail is retried.
EMAIL_TIMEOUT = 10
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Behind a reverse proxy that sets X-Forwarded-Proto/-Host (and strips them from clients),
# set TRUSTED_PROXY=true so HTTPS and client addresses are read from those headers.
if env("TRUSTED_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
    ALLAUTH_TRUSTED_PROXY_COUNT = 1

WAGTAIL_SITE_NAME = _("European Prevention Network")
WAGTAILADMIN_BASE_URL = env("SITE_URL")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILADMIN_LOGIN_URL = "account_login"

# Search (see search/ and docs/search.md): the embedded index by default, Elasticsearch when set.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX")

# The read-only open-data API (portal/api/, docs/api.md). Its views set their own
# pagination and rate limits: anonymous clients get API_ANON_RATE per address, signed-in
# members ten times that (portal.api.throttling). For every DRF view (wagtail-localize's
# editor too): JSON only, no browsable API, and session login only, never HTTP Basic, which
# would bypass allauth's rate limits and two-factor step. Client addresses come from
# X-Forwarded-For only behind the one trusted proxy.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_RATE")},
    "NUM_PROXIES": 1 if env("TRUSTED_PROXY") else 0,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "European Prevention Network: open-data API",
    "DESCRIPTION": "Read-only open data of the portal: prevention programmes, their evaluations, "
    "evidence ratings and implementation reports, campaign materials, and the vocabularies.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "ENUM_NAME_OVERRIDES": {
        "RatingLevelEnum": "programmes.choices.RatingLevel",
        "ProgrammeStatusEnum": "programmes.choices.ProgrammeStatus",
        "TranslationStatusEnum": "campaigns.api.serializers.TRANSLATION_STATUSES",
    },
    "PREPROCESSING_HOOKS": ["portal.api.schema.open_data_endpoints_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.api.schema.add_guide",
        "portal.api.schema.document_rate_limit",
    ],
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
