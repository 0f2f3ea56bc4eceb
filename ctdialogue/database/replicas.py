"""Anonymous reads from a read replica, everything else from the primary.

With ``DATABASE_REPLICA_URL`` set, the settings add a database called "replica", this
router, and ``READS_FROM_REPLICA``. A request reads from the replica only when it is a
safe method (GET, HEAD, OPTIONS) and carries no session cookie: a visitor. Staff,
anybody signed in or part-way through signing in, and every write use the primary, so
people read their own writes however far the replica lags. A streamed response (an
export) keeps reading from the replica while it is written out, after the view has
returned.
"""

from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_reading_replica: ContextVar[bool] = ContextVar("reading_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reading_replica.get() else None

    def db_for_write(self, model, **hints):
        return None  # the primary ("default")

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # it follows the primary, it is never migrated itself


def reads_from_replica(request) -> bool:
    return (
        settings.READS_FROM_REPLICA
        and request.method in SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class AnonymousReadsFromReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not reads_from_replica(request):
            return self.get_response(request)
        token = _reading_replica.set(True)
        try:
            response = self.get_response(request)
        finally:
            _reading_replica.reset(token)
        if response.streaming:
            response.streaming_content = _from_replica(response.streaming_content)
        return response


def _from_replica(chunks):
    token = _reading_replica.set(True)
    try:
        yield from chunks
    finally:
        _reading_replica.reset(token)
