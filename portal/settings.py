"""Settings for the ZJU–Alibaba joint training portal.

One module for every environment: values come from environment variables, with a
local `.env` file as a fallback and safe local defaults (SQLite, local-memory cache,
console email). Production turns features on by setting variables, never by
editing a copy of this file. README.md lists every variable.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env_file = Path(env.str("ENV_FILE", default=str(BASE_DIR / ".env")))
if env_file.is_file():
    # Real environment variables win over the file.
    env.read_env(env_file, overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Run `make .env` to generate a local one, "
        "or export SECRET_KEY in the environment."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks: its admin classes override the admin's.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "simple_history",
    # Our apps, bottom first: each imports only the ones above it in this list
    # (tests/test_structure.py); the project package, portal, comes last.
    "core",
    "mail",
    "accounts",
    "partnership",
    "programs",
    "applications",
    "selection",
    "portal",
]

MIDDLEWARE = [
    # Anonymous visitors' public pages, served from the cache before any of the work below,
    # and kept with the headers all of it sets.
    "portal.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, with old unprefixed addresses redirected permanently.
    "portal.languages.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin in the language its user chose (User.language).
    "portal.languages.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made each change that django-simple-history keeps.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite file by default so a fresh clone runs with nothing else installed;
# PostgreSQL (or any dj-database-url style URL) through DATABASE_URL.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside one writer, and IMMEDIATE transactions take the
    # write lock up front, so several gunicorn workers wait for each other
    # (busy_timeout) instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
# Each request reuses its worker's connection: opening one (for SQLite, with the PRAGMAs above)
# cost a public page about 4 ms, more than its queries.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The test database's name (default: "test_" + the database's), so that two checkouts can
# run their suites against one PostgreSQL server at once.
if TEST_DATABASE_NAME := env.str("TEST_DATABASE_NAME", default=""):
    DATABASES["default"]["TEST"] = {"NAME": TEST_DATABASE_NAME}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise. A Redis that is down or slow
# degrades to cache misses (core.cache) instead of failing pages, with short timeouts so a
# hanging Redis cannot hold a request; sessions live in the database, never only in the cache.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# How long the page cache (portal.page_cache) keeps an anonymous visitor's public page at most;
# 0 turns it off. A staff edit makes every kept page stale at once where the cache is shared
# (Redis); local memory is one per process, so other gunicorn workers' pages expire on their own.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300 if REDIS_URL else 10)

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English and Simplified Chinese; times shown in Beijing time
# unless the visitor's own zone is known.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language staff write content in and the document import brings it in (news, timeline,
# organisations, people, intakes, supervisors, the programs' main texts). Pages in another
# language mark that content with `lang` (WCAG 2.1 "Language of Parts"): core.content_language.
CONTENT_LANGUAGE = env.str("CONTENT_LANGUAGE", default="en")
# Content visitors read has a column per language (django-modeltranslation: <app>/translation.py);
# a text missing in the page's language shows in the other one, marked with its lang.
MODELTRANSLATION_DEFAULT_LANGUAGE = CONTENT_LANGUAGE
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": (CONTENT_LANGUAGE, *(code for code, _name in LANGUAGES if code != CONTENT_LANGUAGE))
}
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Shanghai")
USE_I18N = True
# Our English date formats (portal/formats/en); Chinese pages use Django's zh_Hans ones.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True

# Static files are served by WhiteNoise from STATIC_ROOT, with hashed names.
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Public uploads (photos, covers) are served by Django unless the proxy serves MEDIA_ROOT itself,
# so `make run` shows them with DEBUG off. Set SERVE_MEDIA=0 behind a proxy that serves /media/.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
# Applicants' documents, referees' letters and exports: the "private" storage, outside
# MEDIA_ROOT, never served by the web server, only through the views that check who asks.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private_media")
# Several app servers share files through S3-compatible buckets (STORAGE_BACKEND=s3): a public
# bucket for media, a private one (no public ACL, no URLs handed out) for applicants' files.
STORAGE_BACKEND = env.str("STORAGE_BACKEND", default="filesystem")
if STORAGE_BACKEND == "s3":
    _s3_connection = {
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
        "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
        "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
        "file_overwrite": False,
    }
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_s3_connection,
                "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
                "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
                "querystring_auth": False,
            },
        },
        "private": {
            "BACKEND": "applications.s3_storage.PrivateS3Storage",
            "OPTIONS": {
                **_s3_connection,
                "bucket_name": env.str("AWS_PRIVATE_BUCKET_NAME"),
                "default_acl": "private",
            },
        },
    }
elif STORAGE_BACKEND == "filesystem":
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "applications.storage.PrivateFileSystemStorage"},
    }
else:
    raise ImproperlyConfigured("STORAGE_BACKEND must be 'filesystem' or 's3'.")
STORAGES["staticfiles"] = {"BACKEND": "core.static_files.StaticFilesStorage"}

# Email: console backend unless EMAIL_URL (e.g. smtp+tls://user:pass@host:587) is set.
# environ's documented idiom: the URL expands to EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, ...
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
globals().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="ZJU–Alibaba Joint Training <noreply@localhost>"
)
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Emails are sent by the worker from the log (mail.services): a failed one is tried again after
# EMAIL_RETRY_DELAY seconds, then twice as long each time, EMAIL_MAX_ATTEMPTS times in all.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
EMAIL_RETRY_DELAY = env.int("EMAIL_RETRY_DELAY", default=60)
EMAIL_MAX_ATTEMPTS = env.int("EMAIL_MAX_ATTEMPTS", default=6)
# The portal's address, for links in emails sent outside a request (manage.py send_reminders).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Where applicants write about their data; the privacy notice shows it when set.
CONTACT_EMAIL = env.str("CONTACT_EMAIL", default="")

# Background work (Celery, portal/celery.py; README "Background work"). Production sets
# CELERY_BROKER_URL to Redis (redis://host:6379/1) or RabbitMQ (amqp://user:pass@host//). The
# default needs no service: kombu's filesystem transport, messages as files in CELERY_QUEUE_DIR,
# which every process of one machine (gunicorn, `make run`'s worker) shares.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
CELERY_QUEUE_DIR = Path(env.str("CELERY_QUEUE_DIR", default=str(BASE_DIR / "var" / "queue")))
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_QUEUE_DIR / "messages"),
        "data_folder_out": str(CELERY_QUEUE_DIR / "messages"),
        "control_folder": str(CELERY_QUEUE_DIR / "control"),
    }
# A bulk decision or email to more applications than this is done by the worker, not the request.
BULK_ACTION_THRESHOLD = env.int("BULK_ACTION_THRESHOLD", default=100)
# Excel exports hold applicants' personal data: each is deleted, file and all, this many days
# after it was asked for (beat runs the clean-up daily).
EXPORT_KEEP_DAYS = env.int("EXPORT_KEEP_DAYS", default=7)
# A broker that is down must not hold up the request that queues a task: fail fast, the row
# written before (an email log entry, an export job) is queued again by the sweep.
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
# A task is acknowledged once it has run, so a worker killed mid-task leaves it to another;
# each task is idempotent (it claims its row first).
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(CELERY_QUEUE_DIR / "beat-schedule")
CELERY_BEAT_SCHEDULE = {
    "send-due-emails": {"task": "mail.send_due_emails", "schedule": 60.0},
    "send-reminders": {"task": "applications.send_reminders", "schedule": 3600.0},
    "expire-exports": {"task": "selection.expire_exports", "schedule": 24 * 3600.0},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# HTTPS: set HTTPS=1 behind a TLS-terminating proxy that sends X-Forwarded-Proto.
HTTPS = env.bool("HTTPS", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
# No script of ours reads the CSRF cookie; forms carry the CSRF token. The language is in the
# address (portal.urls), so the portal sets no language cookie.
CSRF_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp 4): only our own files, no inline script or style,
# no framing. Bootstrap draws some icons as data: SVG images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "upgrade-insecure-requests": HTTPS,
    },
}
# Browser features no page of the portal uses (portal.middleware sends the header).
PERMISSIONS_POLICY = [
    "accelerometer=()",
    "autoplay=()",
    "camera=()",
    "display-capture=()",
    "geolocation=()",
    "gyroscope=()",
    "magnetometer=()",
    "microphone=()",
    "midi=()",
    "payment=()",
    "publickey-credentials-get=()",
    "screen-wake-lock=()",
    "serial=()",
    "usb=()",
    "xr-spatial-tracking=()",
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for one account from
# one address, both the site and the admin login refuse it for AXES_COOLOFF_MINUTES.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Both logins (site and admin) post the email address as "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.login_throttling.login_username"
AXES_LOCKOUT_CALLABLE = "accounts.login_throttling.login_locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# Behind N reverse proxies (README: nginx) the client address is the Nth from the right in
# X-Forwarded-For; with 0 it is the connecting address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "accounts.login_throttling.client_ip_address"
AXES_VERBOSE = False

# Error reports: Django's default logging mails the traceback of every server error to ADMINS
# (comma-separated addresses; none by default) while DEBUG is off, and sends it to Sentry when
# SENTRY_DSN is set (off by default; no personal data sent).
ADMINS = [("", address) for address in env.list("ADMINS", default=[])]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        release=env.str("SENTRY_RELEASE", default="") or None,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# Demo data (make run): the staff login it prints.
DEMO_STAFF_EMAIL = env.str("DEMO_STAFF_EMAIL", default="staff@example.org")
DEMO_STAFF_PASSWORD = env.str("DEMO_STAFF_PASSWORD", default="")
