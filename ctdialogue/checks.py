"""The secret key is required where it is used: when the site serves requests.

Management commands that sign nothing (makemigrations, migrate, collectstatic,
load_demo) run without one, so a newcomer or a build step is not stopped by it;
the WSGI and ASGI entry points and ``check --deploy`` refuse to go on without it,
and say what to do.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

NO_KEY_MESSAGE = (
    "DJANGO_SECRET_KEY is not set. Set it to a long random string in production "
    '(python -c "import secrets; print(secrets.token_urlsafe(50))"), '
    "or set DJANGO_DEBUG=1 for local development."
)


def secret_key_is_set() -> bool:
    try:
        return bool(settings.SECRET_KEY)
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        return False


def require_secret_key() -> None:
    """Called by the server entry points: refuse to serve without a secret key."""
    if not secret_key_is_set():
        raise ImproperlyConfigured(NO_KEY_MESSAGE)


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    if secret_key_is_set():
        return []
    return [Error(NO_KEY_MESSAGE, id="ctdialogue.E001")]
