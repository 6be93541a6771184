"""The whole configuration. Environments differ only in environment variables.

Development needs none: `DEBUG=1` gives an embedded SQLite database under var/,
local-memory cache and the console email backend. Production sets at least
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; see the README.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_MISSING = object()


def env(name, default=_MISSING):
    """A string from the environment; a missing required value stops start-up."""
    value = os.environ.get(name)
    if value is None or value == "":
        if default is _MISSING:
            raise ImproperlyConfigured(f"Set the {name} environment variable.")
        return default
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def database_from_url(url):
    """One DATABASES entry from `sqlite:///path` or `postgres://user:pw@host/db`."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": unquote(parts.path[1:]) if parts.path != "/" else ":memory:",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    if parts.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path[1:]),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": int(env("DATABASE_CONN_MAX_AGE", "60")),
            "CONN_HEALTH_CHECKS": True,
            **pooler_settings(
                env("DATABASE_POOL_MODE", "session"), dict(parse_qsl(parts.query))
            ),
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported."
    )


def pooler_settings(pool_mode, options):
    """What a connection pooler in front of PostgreSQL needs (README "Behind
    PgBouncer"). DATABASE_POOL_MODE is PgBouncer's pool_mode: "session" (or no
    pooler) needs nothing; "transaction" hands each transaction to any server
    connection, so nothing may outlive one: no server-side cursors (iterator()
    outside a transaction DECLAREs a cursor WITH HOLD and FETCHes it later) and no
    prepared statements (Django turns psycopg's off unless OPTIONS ask; here
    they can't). CONN_MAX_AGE and health checks stay: a connection to the pooler
    holds no server connection between transactions."""
    if pool_mode == "session":
        # Parameters bound by the server, and a statement asked a fifth time on
        # a connection prepared: PostgreSQL then skips planning it (4 ms of a
        # 4.5 ms article query; README "Measuring").
        return {
            "OPTIONS": {"server_side_binding": True, "prepare_threshold": 5, **options}
        }
    if pool_mode == "transaction":
        return {
            "DISABLE_SERVER_SIDE_CURSORS": True,
            "OPTIONS": {**options, "prepare_threshold": None},
        }
    raise ImproperlyConfigured(
        f"DATABASE_POOL_MODE must be session or transaction, not {pool_mode!r}."
    )


# --- Core -------------------------------------------------------------------

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key" if DEBUG else _MISSING)
# Rotating: the old key moves here (comma-separated) for as long as links signed
# with it should keep working; sessions signed with it carry on too (README).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", "")
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver" if DEBUG else ""
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = env("SITE_NAME", "Steady Ground")
# The address the site is served on, for links in email sent by the task worker.
# `make run` sets it to the host and port it serves on.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# How emails name the community; set a neutral name if SITE_NAME says too much
# for an inbox that others may see.
SITE_EMAIL_NAME = env("SITE_EMAIL_NAME", SITE_NAME)

INSTALLED_APPS = [
    "community",
    "forum",
    "articles",
    "community.apps.StaffAdminConfig",  # the admin, without its own login
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks_db",
    "benchmarks",  # the top layer: the load benchmark over the whole site
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Django's, with a nonce-less page's header built once (community/middleware.py).
    "community.middleware.ContentSecurityPolicyBuiltOnce",
    # Static files: served (precompressed by collectstatic) before anything below.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are gzipped on the way out, after every middleware below has written
    # the body. BREACH (guessing a secret in a compressed page from its size) is
    # mitigated: Django masks the CSRF token afresh in every response, and since
    # 4.2 this middleware pads each response by a random length ("Heal The
    # Breach"). No page reflects both a secret and attacker-chosen text: search and
    # form pages echo what the person typed, but carry only the masked token.
    # Django's, with kept markup gzipped once (community/deflate_once.py).
    "community.deflate_once.GZipMiddleware",
    # Outside sessions, CSRF and messages, so it sees every cookie they set.
    "community.http_caching.cache_policy",
    # A visitor's kept page, answered before everything that reads a session
    # (community/early_answers.py); inside the cache policy, so it applies.
    "community.early_answers.visitors_kept_pages_are_answered_early",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language (cookie, then Accept-Language).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in member's saved language beats the cookie and the browser's.
    "community.languages.member_language_is_used",
    # Maintenance: writes get the "back soon" page; inside it the database refuses
    # them. After auth and language (the page needs both), before what can write.
    "community.read_only.ReadOnlyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "community.middleware.suspended_members_are_signed_out",
    "community.middleware.staff_powers_need_the_second_factor",
    "community.middleware.method_not_allowed_is_a_page",
]

ROOT_URLCONF = "community.urls"
# A form sent with a stale token gets the site's page, banner included, and keeps
# what was typed.
CSRF_FAILURE_VIEW = "community.views.csrf_failure"
WSGI_APPLICATION = "community.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",  # LANGUAGE_CODE
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "community.context_processors.site",
                "forum.context_processors.notifications",
                "forum.context_processors.support_note",
            ],
        },
    },
]

# --- Maintenance (community/read_only.py) -------------------------------------
# Read-only: reading continues, every write gets a "back soon" page. READ_ONLY
# needs a restart; the flag file switches every process within a second while it
# exists (e.g. READ_ONLY_FLAG_FILE=/srv/app/var/read-only, then `touch` / `rm`).
READ_ONLY = env_bool("READ_ONLY", False)
READ_ONLY_FLAG_FILE = env("READ_ONLY_FLAG_FILE", "")
READ_ONLY_RETRY_AFTER = int(env("READ_ONLY_RETRY_AFTER", "600"))  # seconds

# --- Data -------------------------------------------------------------------

DATABASES = {
    "default": database_from_url(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
    )
}
# Optional: visitors' public pages read a streaming replica (community/read_replica.py).
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL", "")
DATABASE_REPLICA_LAG_SECONDS = int(env("DATABASE_REPLICA_LAG_SECONDS", "10"))
DATABASE_REPLICA_RETRY_SECONDS = int(env("DATABASE_REPLICA_RETRY_SECONDS", "10"))
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **database_from_url(DATABASE_REPLICA_URL),
        # Tests have no replica: the alias reads the test database.
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["community.read_replica.ReplicaForVisitorReads"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "community.read_replica.ReadReplicaMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "community.User"

REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "community.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "community"),
        }
    }
    SESSION_ENGINE = "community.sessions.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "community.sessions.db"

# --- Files ------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploads go through Django's storage API only. With MEDIA_S3_BUCKET set they live in
# S3 or any S3-compatible store (MinIO, Ceph, R2...), shared by every app server; the
# bucket stays private because members' pictures are served by a view that checks
# who may see them. Without it, under MEDIA_ROOT (one server, or a shared volume).
MEDIA_S3_BUCKET = env("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "location": env("MEDIA_S3_PREFIX", "media"),
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL", "") or None,
            "region_name": env("MEDIA_S3_REGION", "") or None,
            # Unset: boto3's own chain (instance role, AWS_* variables, config files).
            "access_key": env("MEDIA_S3_ACCESS_KEY_ID", "") or None,
            "secret_key": env("MEDIA_S3_SECRET_ACCESS_KEY", "") or None,
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        # Hashed, compressed files need `collectstatic`, which production runs.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- Accounts (django-allauth) ----------------------------------------------

AUTHENTICATION_BACKENDS = [
    "community.backends.ModelBackendOneQuery",
    "community.backends.AccountBackend",
    # Sessions signed in before AccountBackend existed name this one: kept valid.
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "community:home"

ACCOUNT_ADAPTER = "community.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "community.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# allauth's built-in rate limits stay on: ACCOUNT_RATE_LIMITS is left at its default.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# Staff powers need a sign-in with the authenticator code (community/staff_sessions.py)
# and end this long after it: staff sign in again, members stay signed in.
STAFF_SESSION_AGE = timedelta(hours=12)

# --- Backups (community/backups, README "Backups") ----------------------------
# The passphrase (BACKUP_PASSPHRASE) is read from the environment when a backup
# runs, never kept in settings.

BACKUP_DIR = Path(env("BACKUP_DIR", str(BASE_DIR / "var" / "backups")))
BACKUP_KEEP_DAILY = int(env("BACKUP_KEEP_DAILY", "7"))
BACKUP_KEEP_WEEKLY = int(env("BACKUP_KEEP_WEEKLY", "4"))

# --- Background work ----------------------------------------------------------
# Email leaves the request: in production tasks wait in the database until the
# worker (`manage.py db_worker`) sends them, so a slow or failing mail server never
# slows or fails posting. In development they run at once (the console shows mail).

TASKS_BACKEND = env("TASKS_BACKEND", "immediate" if DEBUG else "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.backend.DatabaseBackend",
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND]
    }
}

# --- Email ------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Community <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("EMAIL_HOST", "localhost"),
                "port": int(env("EMAIL_PORT", "587")),
                "username": env("EMAIL_HOST_USER", ""),
                "password": env("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 10,
            },
        }
    }

# --- Security ---------------------------------------------------------------

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    # allauth shows the TOTP QR code as a data: image.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers check health over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies of ours append to X-Forwarded-For; 0 trusts only REMOTE_ADDR.
# Visitors' rate limits count by this address (hashed, cache only).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

# --- Conversations (forum) ---------------------------------------------------
# Read at call time, so tests and operators can change them.

FORUM_PICTURE_MAX_BYTES = 10 * 1024 * 1024
FORUM_PICTURE_MAX_PIXELS = 40_000_000
FORUM_PICTURE_DISPLAY_SIDE = 1600
FORUM_THUMBNAIL_SIDE = 480
FORUM_PAGE_SIZE = 20  # top-level posts per page
FORUM_INLINE_REPLIES = 10  # replies shown under each top-level post
FORUM_REPLY_PAGE_SIZE = 50  # replies per page of a thread
FORUM_PRINT_LIMIT = 1000  # posts per page of a whole conversation (print view)
FORUM_DISPLAY_DEPTH = 3  # deeper replies render flat, "replying to NAME"
FORUM_EDIT_WINDOW_DAYS = 30
FORUM_HOLD_FIRST_POSTS = (
    2  # a new member's first posts wait until this many are approved
)
FORUM_HOLD_CONTACT_DETAILS = True  # phone numbers, emails, handles: held, not blocked
# A visitor's private link to their question and its answers works this long; an
# email address they left for the first answer is deleted after it at the latest.
FORUM_VISITOR_LINK_DAYS = 90
FORUM_AUTO_HIDE_REPORTERS = 3  # distinct established members' reports hide a post
FORUM_REPORTER_MIN_AGE_HOURS = 24  # reporters younger than this don't count
# A private conversation everyone deleted is kept this long while a report on it is
# open, so the moderators can still act on it (forum/message_retention.py).
FORUM_PRIVATE_MESSAGE_REPORT_RETENTION_DAYS = 90
# Read by community/limits.py for every app's actions.
FORUM_RATE_LIMITS = {
    # action: (how many, per seconds)
    "post_gap": (1, 10),
    "update": (10, 86_400),
    "reply": (100, 86_400),
    "question": (10, 86_400),
    "visitor_question": (3, 86_400),
    "edit": (30, 86_400),
    "reaction": (200, 86_400),
    "report": (20, 86_400),
    "moderator_message": (5, 86_400),
    "search": (30, 60),
    "visitor_search": (10, 60),
    "visitor_vote": (3, 86_400),  # per network address per poll
    "member_relation": (60, 86_400),  # muting, blocking and undoing them
    "new_private_conversation": (5, 86_400),
}

# --- Articles -----------------------------------------------------------------

ARTICLES_REVIEW_INTERVAL_MONTHS = 12  # a full medical review sets the next due date
ARTICLES_PAGE_SIZE = 12
ARTICLES_PAGE_CACHE_SECONDS = 120  # public article pages for signed-out visitors

# --- HTTP caching (community/http_caching.py) ---------------------------------
# Public pages, for signed-out visitors only: a CDN may keep them this long, then
# serve the stale copy this much longer while it fetches a fresh one.
PUBLIC_PAGE_MAX_AGE = 60
PUBLIC_PAGE_STALE_WHILE_REVALIDATE = 300
# An article page previews its conversation: fewer replies under each post than the
# conversation's own page (FORUM_INLINE_REPLIES), so the article stays the focus.
ARTICLES_INLINE_REPLIES = 3

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en"
# The interface is translated into these; 988 answers in both (Spanish: press 2).
LANGUAGES = [("en", "English"), ("es", "Español")]
# locale/ is ours (makemessages writes only to the first entry); locale_overrides/
# rewrites the few allauth and Django strings we show in "tú", as ours speak.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = env("TIME_ZONE", "America/New_York")
USE_I18N = True
# Dates by name per language (community/formats). No thousands separator: the
# numbers shown are small counts, and "1,000" reads as a decimal in Spanish.
FORMAT_MODULE_PATH = ["community.formats"]
USE_THOUSAND_SEPARATOR = False
USE_TZ = True

# --- Metrics and logs (issue 19; README "Metrics and logs") ------------------
# One JSON line per request (community/request_context.py) with its request id;
# every handler redacts emails, addresses and tokens (community/log_format.py).

MIDDLEWARE.insert(0, "community.request_context.requests_are_logged_and_measured")
# Cache operations are timed for /metrics (community/timed_cache.py).
CACHES["default"]["BACKEND"] = {
    "community.cache.RedisCache": "community.timed_cache.TimedRedisCache",
    "django.core.cache.backends.locmem.LocMemCache": (
        "community.timed_cache.TimedLocMemCache"
    ),
}.get(CACHES["default"]["BACKEND"], CACHES["default"]["BACKEND"])
# /metrics/ answers only this bearer token or these addresses (CIDR allowed).
METRICS_TOKEN = env("METRICS_TOKEN", "")
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", "")
SECURE_REDIRECT_EXEMPT += [r"^metrics/$"]  # Prometheus scrapes inside the network
LOG_FORMAT = env("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "ids": {"()": "community.log_format.AddRequestAndTaskIds"},
        "redact": {"()": "community.log_format.RedactPersonalData"},
    },
    "formatters": {
        "json": {"()": "community.log_format.JsonFormatter"},
        "text": {
            "()": "community.log_format.TextFormatter",
            "format": "%(levelname)s %(name)s: %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["ids", "redact"],
            "formatter": {"json": "json", "text": "text"}[LOG_FORMAT],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per task state change is noise outside debugging the queue.
        "django.tasks": {"level": env("TASKS_LOG_LEVEL", "WARNING")},
        # The access line above replaces runserver's own line, which has the path.
        "django.server": {"level": "WARNING"},
    },
}
