"""What the open read-only API under /api/ shares (Django REST framework): records
addressed by permanent identifier, related records linked both ways, the pages'
filters with their honest errors, pagination and throttling.
"""

from django.conf import settings
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import pagination, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.reverse import reverse
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Reads its rate from settings on every request (so tests and deployments can set it)."""

    def get_rate(self):
        return settings.API_ANON_RATE


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

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


def link(request, view_name, obj):
    return {
        "id": str(obj.uid),
        "name": str(obj),
        "url": reverse(view_name, kwargs={"id": obj.uid}, request=request),
    }


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
        return reverse(self.view_name, kwargs={"id": obj.uid}, request=self.context.get("request"))


#: What every record in the API starts with: its permanent identifier and its addresses.
RECORD_FIELDS = ("id", "api_url", "html_url")


class RecordSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uid", read_only=True)
    api_url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    api_view_name = ""

    def get_api_url(self, obj) -> str:
        return reverse(self.api_view_name, kwargs={"id": obj.uid}, request=self.context["request"])

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


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
