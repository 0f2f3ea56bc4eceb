"""Settings for ctdialogue.

This is the only module that reads the environment. Every difference between a
developer's laptop, CI and production is an environment variable listed in the
README; the defaults are the safe ones (DEBUG off, no secret committed).
"""

import datetime
import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import to_locale

from ctdialogue.operations.storage import media_origin, media_storage

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if value.lower() not in choices:
        allowed = ", ".join(f'"{choice}"' for choice in choices)
        raise ImproperlyConfigured(f"{name} must be one of {allowed}, not {value!r}.")
    return value.lower()


# --- Core -------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG")

# Required to serve requests with DEBUG off: ctdialogue/checks.py refuses to start
# the WSGI/ASGI application without it. Commands that sign nothing run without it.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Public address of the site, used where an absolute URL is needed outside a
# request (feeds, citations, calendar files built by commands).
# The public address for absolute links (feeds, exports, citations, the API...). Empty:
# the address each request came to (ctdialogue/output/addresses.py).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin; it finds each app's translation.py
    "ctdialogue.staff.apps.StaffAdminConfig",  # django.contrib.admin with the staff site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "tinymce",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes
    "import_export",
    "csp",
    "ctdialogue.apps.CtdialogueConfig",
    "ctdialogue.publishing",
    "ctdialogue.safety",
    "ctdialogue.output",
    "ctdialogue.search",
    "ctdialogue.caching",
    "ctdialogue.sample",
    "ctdialogue.staff",
    "ctdialogue.operations",
    "events",
    "events.facets",
    "resolutions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: from the address (/fr/...), English without a prefix; a first visit
    # to the home page may be sent to the visitor's language (ctdialogue/languages.py).
    "ctdialogue.languages.FirstVisitLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The admin in the language its user chose (or the browser's): it has no prefix.
    "ctdialogue.languages.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The address absolute links use when DJANGO_SITE_URL is not set.
    "ctdialogue.output.addresses.RequestOriginMiddleware",
    # Visitors' reads from the read replica, when there is one.
    "ctdialogue.database.replicas.AnonymousReadsFromReplicaMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Approved changes scheduled for a time apply with the first request after it.
    "ctdialogue.publishing.middleware.ApplyDueChangesMiddleware",
    # Anonymous pages from the cache, under the content version (ctdialogue/caching).
    "ctdialogue.caching.middleware.PageCacheMiddleware",
    # Content-Security-Policy and Permissions-Policy, inside the page cache so that a
    # cached page keeps its own policy (ctdialogue/safety/headers.py).
    "ctdialogue.safety.headers.ContentSecurityPolicyMiddleware",
    "ctdialogue.safety.headers.PermissionsPolicyMiddleware",
    # Record texts in the page's language while a page is made, not in the admin, and
    # not while a scheduled change is applied (above).
    "ctdialogue.translations.middleware.ShowTranslationsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# --- Cache --------------------------------------------------------------------

# Redis when REDIS_URL is set (shared by every worker and machine), else each process's
# memory. Either way a cached page is never stale: it is kept under the content
# version it was made from (ctdialogue/caching).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "ctdialogue"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,  # a Redis outage slows, never breaks
                # ... and never hangs a request: give up on an unreachable Redis quickly.
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a page may stay in the cache at most (0 turns the page cache off), how long
# a CDN may keep it (s-maxage), and serve it stale while it fetches a new one.
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 3600)
PAGE_CACHE_SHARED_SECONDS = env_int("DJANGO_PAGE_CACHE_SHARED_SECONDS", 60)
PAGE_CACHE_STALE_SECONDS = env_int("DJANGO_PAGE_CACHE_STALE_SECONDS", 30)

# --- Behind a reverse proxy: the client's address ---------------------------

# Whom to believe about the client's address (ctdialogue/clients.py), for the login
# lockout and the API's rate limit: unset or 0, nobody (REMOTE_ADDR only, as when
# gunicorn faces the clients); a number, how many proxies of ours append to
# X-Forwarded-For (1 for the nginx of deploy/nginx/); or comma-separated networks in
# CIDR notation that hold only our proxies (e.g. 10.0.0.0/8,172.16.0.0/12).


def env_trusted_proxies(name: str) -> int | list[str]:
    value = os.environ.get(name, "").strip()
    if not value or value.isdigit():
        return int(value or 0)
    networks = env_list(name)
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError as error:
            raise ImproperlyConfigured(
                f"{name} must be a number of proxies or networks such as 10.0.0.0/8, "
                f"not {network!r}."
            ) from error
    return networks


TRUSTED_PROXIES = env_trusted_proxies("DJANGO_TRUSTED_PROXIES")

ROOT_URLCONF = "ctdialogue.urls"
WSGI_APPLICATION = "ctdialogue.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ctdialogue.context_processors.languages",
                "ctdialogue.context_processors.site",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
# SQLite in the project folder unless DATABASE_URL names another database,
# e.g. postgres://user:password@host:5432/ctdialogue

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A read replica (PostgreSQL streaming replication) for visitors' reads: requests
# without a session cookie read from it, everything else uses the primary
# (ctdialogue/database/replicas.py). Tests read the primary under both names.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
READS_FROM_REPLICA = bool(DATABASE_REPLICA_URL)
if READS_FROM_REPLICA:
    DATABASES["replica"] = {
        **dj_database_url.parse(
            DATABASE_REPLICA_URL,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        ),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["ctdialogue.database.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Passwords, language, time ---------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface in the six official languages of the United Nations. A language is
# offered (in LANGUAGES: its address prefix, the switcher, hreflang, the sitemap) once
# its translation is in the repository (locale/<locale>/LC_MESSAGES/django.po), which
# CI checks to be complete; English, the original, is offered always, at addresses
# without a prefix.
LANGUAGE_CODE = "en"
FORMAT_MODULE_PATH = ["ctdialogue.formats"]  # English with British dates
LOCALE_PATHS = [BASE_DIR / "locale"]
INTERFACE_LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LANGUAGES = [
    (code, name)
    for code, name in INTERFACE_LANGUAGES
    if code == LANGUAGE_CODE
    or (LOCALE_PATHS[0] / to_locale(code) / "LC_MESSAGES" / "django.po").is_file()
]
# A visitor's choice of language, kept for a year (only the switcher sets it).
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static files and uploads ----------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Uploads and their renditions: local files under MEDIA_ROOT (served by the reverse
# proxy in production), or an S3-compatible bucket when DJANGO_STORAGE_URL names one,
# e.g. s3://ctdialogue-media?endpoint_url=http://minio:9000&region=us-east-1. Credentials
# come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (read by boto3), never the URL.
# The URL's form and why addresses are public: ctdialogue/operations/storage.py.
STORAGE_URL = os.environ.get("DJANGO_STORAGE_URL", "")

STORAGES = {
    "default": media_storage(STORAGE_URL),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Where media addresses point ("" for /media/ on this site), for a Content-Security-Policy.
MEDIA_ORIGIN = media_origin(STORAGES["default"])

# Uploads: large enough for a workshop photo, small enough to refuse abuse.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# What the admin accepts (ctdialogue/safety/images.py and documents.py): real JPEG, PNG and
# WebP images within both limits (the pixel count is read from the header, before
# decoding), PDF documents. Smaller copies for srcset are made at these widths,
# never wider than the upload.
UPLOAD_IMAGE_MAX_BYTES = 10 * 1024 * 1024
UPLOAD_IMAGE_MAX_PIXELS = 40_000_000
UPLOAD_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
IMAGE_RENDITION_WIDTHS = (480, 960, 1600)

# --- Rich text and content integrity ----------------------------------------
# TinyMCE is served from our own static files (django-tinymce's default
# TINYMCE_JS_URL is staticfiles_storage.url("tinymce/tinymce.min.js"); no CDN). The
# editor offers only what the sanitiser (ctdialogue/safety/html.py) keeps: valid_elements
# mirrors its allowlist, and the sanitiser runs again on save and on output.

TINYMCE_COMPRESSOR = False
TINYMCE_DEFAULT_CONFIG = {
    "license_key": "gpl",
    "promotion": False,
    "branding": False,
    "menubar": False,
    "contextmenu": False,
    "height": 320,
    "language": "en_US",  # the built-in English: no language file to fetch
    "plugins": "lists link autolink",
    "toolbar": "undo redo | blocks | bold italic | bullist numlist | link blockquote"
    " | removeformat",
    "block_formats": "Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4",
    "valid_elements": (
        "h2,h3,h4,p,br,ul,ol,li,a[href|title|hreflang],strong/b,em/i,blockquote,cite,"
        "q[cite],abbr[title]"
    ),
    "link_default_protocol": "https",
    "link_target_list": False,
    "convert_urls": False,
    "entity_encoding": "raw",
    "browser_spellcheck": True,
}

# Links in rich text to other domains are flagged for a second look (a warning,
# not an error): manage.py audit_content, and the admin on save. Subdomains count.
INTEGRITY_LINK_DOMAINS = env_list(
    "DJANGO_INTEGRITY_LINK_DOMAINS",
    "un.org,undocs.org,unodc.org,techagainstterrorism.org,iap-association.org,ict4peace.org",
)

# --- Security ---------------------------------------------------------------
# HTTPS settings are switched on by variables, so that a plain-HTTP local run
# works and a production run behind TLS gets HSTS and secure cookies.

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT")
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES")
CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES")
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD")
if env_bool("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 8 * 60 * 60)
# Staff sessions end with the browser too: offices share computers.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Content Security Policy and browser permissions ------------------------
# django-csp (ctdialogue/safety/headers.py): public pages load nothing but the site's
# own files, with no inline script or style. The API's documentation page widens it in
# its view (ctdialogue/urls.py); the admin has its own policy below.

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],  # and the origin of MEDIA_URL, if it names another
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# The admin's own policy. Chromium blocked nothing of Django's admin nor of TinyMCE 7
# (served from our static files; it styles through the CSSOM, which CSP allows) under
# the public policy (tests/e2e/test_headers.py), once our admin templates' <style>
# blocks moved to static/css/admin.css: so it is the same, kept apart to be widened
# here, and only here, if the admin ever needs more.
ADMIN_CONTENT_SECURITY_POLICY = {"DIRECTIVES": dict(CONTENT_SECURITY_POLICY["DIRECTIVES"])}
# Where signing in starts, and where it ends when the address asked for is missing or
# not a page of this site (ctdialogue/staff/site.py): the staff admin, never Django's
# default /accounts/ addresses, which this site does not have.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
# Browser features no page of the site uses, refused to it and to anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# --- Logging: everything to stdout, for gunicorn and containers -------------

LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # django-axes logs failed logins and lockouts as warnings, and every
        # successful login (and its own start) as info: keep the warnings.
        "axes": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
    },
}

# --- Application ------------------------------------------------------------

ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
SITE_NAME = "Asia ICT and CT Dialogue"

# Country names as the United Nations writes them, where they differ from ISO's short names.
COUNTRIES_OVERRIDE = {
    "KR": "Republic of Korea",
    "KP": "Democratic People's Republic of Korea",
    "LA": "Lao People's Democratic Republic",
    "VN": "Viet Nam",
    "RU": "Russian Federation",
    "IR": "Iran (Islamic Republic of)",
    "SY": "Syrian Arab Republic",
    "TZ": "United Republic of Tanzania",
    "MD": "Republic of Moldova",
    "BO": "Bolivia (Plurinational State of)",
    "VE": "Venezuela (Bolivarian Republic of)",
    "TR": "Türkiye",
    "GB": "United Kingdom",
    "US": "United States",
}

# Licence of the data offered in exports, the API and feeds.
DATA_LICENCE = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

# --- The open read-only API -------------------------------------------------

# Per client address (ctdialogue/clients.py), counted in the "default" cache: shared by
# every worker and instance with REDIS_URL, per process without it (output/api.py).
API_ANON_RATE = os.environ.get("DJANGO_API_ANON_RATE", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "ctdialogue.output.negotiation.JSONUnlessAsked",
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Asia ICT and CT Dialogue: open data API",
    "DESCRIPTION": (
        "Read-only access to every published event, resolution, initiative, stakeholder, "
        "speaker, theme and series, with the same filters as the public pages. Records "
        "are addressed by permanent identifiers (UUIDs). Data licence: CC BY 4.0."
    ),
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name for the six UN languages, which records and quotations both use.
    "ENUM_NAME_OVERRIDES": {"UNLanguageEnum": "ctdialogue.publishing.models.UN_LANGUAGES"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ctdialogue.output.schema.enumerate_record_choices",
        "ctdialogue.output.schema.document_language_parameter",
    ],
}

# --- Staff: login throttling, two-factor login, bulk import -----------------

# django-axes checks every login before the password does. After AXES_FAILURE_LIMIT
# failed attempts for one username from one address, that pair is locked for
# AXES_COOLOFF_TIME (colleagues behind the same office address are not locked out by
# one person's typos, and nobody can lock a colleague out from elsewhere). The address
# is the one TRUSTED_PROXIES yields (REMOTE_ADDR unless proxies are trusted): the rest
# of X-Forwarded-For is written by the client, and a new value per attempt would
# otherwise dodge the lock.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "ctdialogue.clients.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# Email to staff (review of changes): printed to the console unless an SMTP server is
# named, as in production.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@localhost>")

# The password `manage.py create_staff_user` gives a new account, for scripted set-ups
# (otherwise it asks for one in the terminal).
STAFF_PASSWORD = os.environ.get("DJANGO_STAFF_PASSWORD", "")

# django-otp: the name authenticator apps show for the site's codes.
OTP_TOTP_ISSUER = SITE_NAME

# Who must sign in with a second factor (ctdialogue/staff/two_factor.py): "off" leaves
# it to each person, "publishers" requires it of publishers and superusers, "all" of
# every member of staff. Whoever has set up an authenticator gives its code anyway.
TWO_FACTOR_REQUIRED = env_choice("DJANGO_TWO_FACTOR", ("off", "publishers", "all"), "off")

# django-import-export: an import runs in one transaction; any error rolls it back.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False


# --- Record texts in the six languages (ctdialogue.translations) -------------------
# A translation column per text field and language (title_fr) for all six, whatever
# catalogues exist, so that the schema does not follow LANGUAGES. The library's
# fallbacks are not used: a text falls back to its record's original.
MODELTRANSLATION_LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_ENABLE_FALLBACKS = False
MODELTRANSLATION_AUTO_POPULATE = False
