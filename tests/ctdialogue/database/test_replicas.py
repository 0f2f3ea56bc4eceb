"""Who reads from the replica: visitors' safe requests, and an export while it streams.
(tests/test_production.py shows it with a real streaming replica.)"""

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory, override_settings

from ctdialogue.database.replicas import (
    AnonymousReadsFromReplicaMiddleware,
    ReplicaRouter,
    reads_from_replica,
)


@pytest.mark.parametrize(
    ("method", "cookies", "expected"),
    [
        ("get", {}, True),
        ("head", {}, True),
        ("get", {"sessionid": "x"}, False),  # signed in, or signing in: the primary
        ("post", {}, False),
    ],
)
def test_only_visitors_safe_requests_read_from_the_replica(method, cookies, expected):
    request = getattr(RequestFactory(), method)("/events/")
    request.COOKIES.update(cookies)

    with override_settings(READS_FROM_REPLICA=True):
        assert reads_from_replica(request) is expected
    assert reads_from_replica(request) is False  # no replica configured


@override_settings(READS_FROM_REPLICA=True)
def test_the_router_sends_reads_to_the_replica_during_the_request_and_its_stream():
    router = ReplicaRouter()
    seen = []

    def chunks():
        seen.append(("streaming", router.db_for_read(None)))
        yield b"row"

    def view(request):
        seen.append(("view", router.db_for_read(None), router.db_for_write(None)))
        return StreamingHttpResponse(chunks())

    response = AnonymousReadsFromReplicaMiddleware(view)(RequestFactory().get("/events/"))
    seen.append(("returned", router.db_for_read(None)))
    body = b"".join(response.streaming_content)

    assert body == b"row"
    assert seen == [("view", "replica", None), ("returned", None), ("streaming", "replica")]
    assert router.db_for_read(None) is None
    assert router.allow_migrate("replica", "events") is False
    assert router.allow_migrate("default", "events") is True


@override_settings(READS_FROM_REPLICA=True)
def test_a_signed_in_request_never_reads_the_replica():
    router = ReplicaRouter()
    request = RequestFactory().get("/admin/")
    request.COOKIES["sessionid"] = "x"

    def view(request):
        return HttpResponse(str(router.db_for_read(None)))

    assert AnonymousReadsFromReplicaMiddleware(view)(request).content == b"None"
