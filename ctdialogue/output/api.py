"""What the open read-only API under /api/ shares (Django REST framework): records
addressed by permanent identifier, related records linked both ways, the pages'
filters with their honest errors, pagination and throttling.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import pagination, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.throttling import AnonRateThrottle

from .addresses import absolute


class AnonymousRateThrottle(AnonRateThrottle):
    """Reads its rate from settings on every request (so tests and deployments can set it)."""

    def get_rate(self):
        return settings.API_ANON_RATE


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_next_link(self):
        return self._on_the_public_site(super().get_next_link())

    def get_previous_link(self):
        return self._on_the_public_site(super().get_previous_link())

    def _on_the_public_site(self, url):
        """DRF builds the link from the request's host: keep its path and query on the
        address every other absolute link uses."""
        if url is None:
            return None
        parts = urlsplit(url)
        return absolute(urlunsplit(("", "", parts.path, parts.query, "")))

    def get_paginated_response_schema(self, schema):
        """DRF's own schema, written for OpenAPI 3.1 (null as a type)."""
        paginated = super().get_paginated_response_schema(schema)
        for name in ("next", "previous"):
            link_schema = paginated["properties"][name]
            link_schema.pop("nullable", None)
            link_schema["type"] = ["string", "null"]
        return paginated


class FilterBackend(DjangoFilterBackend):
    """Refuses, with a 400 and the reasons, any filter value the pages would ignore."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if filterset.problems:
            raise ValidationError({"filters": filterset.problems})
        return filterset.qs


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "uid"
    lookup_url_kwarg = "id"
    filter_backends = [FilterBackend]
    pagination_class = PageNumberPagination
    throttle_classes = [AnonymousRateThrottle]


def api_url(view_name: str, obj) -> str:
    """The absolute API address of ``obj`` (``addresses.absolute``, like every other)."""
    return absolute(reverse(view_name, kwargs={"id": obj.uid}))


def link(view_name, obj):
    return {"id": str(obj.uid), "name": str(obj), "url": api_url(view_name, obj)}


class LinkSerializer(serializers.Serializer):
    """A related record as {id, name, url}: its permanent identifier and its API address."""

    id = serializers.UUIDField(source="uid", read_only=True)
    name = serializers.CharField(source="__str__", read_only=True)
    url = serializers.SerializerMethodField()

    def __init__(self, *args, view_name, **kwargs):
        self.view_name = view_name
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def get_url(self, obj) -> str:
        return api_url(self.view_name, obj)


#: What every record in the API starts with: its permanent identifier and its addresses.
RECORD_FIELDS = ("id", "api_url", "html_url")


class RecordSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uid", read_only=True)
    api_url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    api_view_name = ""

    def get_api_url(self, obj) -> str:
        return api_url(self.api_view_name, obj)

    def get_html_url(self, obj) -> str:
        return absolute(obj.get_absolute_url())


def read_only_viewset(
    serializer_class, *, listing: str, one: str, filterset_class=None, read=None
) -> type[ReadOnlyViewSet]:
    """The API of one kind of record: its public records, serialised by
    ``serializer_class`` (whose model it reads), filtered by ``filterset_class`` like
    its list page, and ``read`` further (prefetches, order). ``listing`` and ``one``
    are the summaries of its two operations in the OpenAPI document."""
    model = serializer_class.Meta.model

    def get_queryset(self):
        queryset = model._default_manager.public()
        return read(queryset) if read else queryset

    attributes = {"serializer_class": serializer_class, "get_queryset": get_queryset}
    if filterset_class is None:
        attributes["filter_backends"] = []
    else:
        attributes["filterset_class"] = filterset_class
    viewset = type(f"{model.__name__}ViewSet", (ReadOnlyViewSet,), attributes)
    return extend_schema_view(
        list=extend_schema(summary=listing), retrieve=extend_schema(summary=one)
    )(viewset)
