"""What the open read-only API under /api/ shares (Django REST framework): records
addressed by permanent identifier, related records linked both ways, the pages'
filters with their honest errors, pagination and throttling.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import pagination, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.throttling import AnonRateThrottle

from ctdialogue.clients import client_address
from ctdialogue.languages import LANGUAGE_PARAMETER, data_language, offered_language
from ctdialogue.pages.filters import BAD_PARAMETERS, is_tracking, unknown_parameter
from ctdialogue.translations.registry import (
    UN_CODES,
    shown_language,
    stored,
    translated_fields,
)

from .addresses import absolute


class AnonymousRateThrottle(AnonRateThrottle):
    """``settings.API_ANON_RATE`` requests per client address, counted in the default
    cache (Redis with ``REDIS_URL``: one count for every worker and instance).

    The rate is read on every request (so tests and deployments can set it). The
    client is ``client_address()``, as for the login lockout. A window opens with a
    client's first request and lasts the rate's period; each request adds one to its
    count with the cache's atomic ``incr`` (Redis ``INCRBY``), so requests arriving at
    once in two workers cannot both take the last place, as they could with DRF's
    read-then-write history. If the cache is unreachable, requests pass.
    """

    def get_rate(self):
        return settings.API_ANON_RATE

    def get_ident(self, request):
        return client_address(request)

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        self.cache.add(f"{self.key}:opened", self.now, self.duration)
        self.cache.add(self.key, 0, self.duration)
        try:
            count = self.cache.incr(self.key)
        except ValueError:  # the window closed between add and incr: open another
            self.cache.add(self.key, 1, self.duration)
            count = 1
        return count is None or count <= self.num_requests

    def wait(self):
        opened = self.cache.get(f"{self.key}:opened")
        if opened is None:
            return self.duration
        return max(opened + self.duration - self.now, 1)


class PageNumberPagination(pagination.PageNumberPagination):
    """Pages of 50 (page_size: 1 to 500). A page or page size that is not a whole
    number in range is a 400 that says so, not a silent default; a page past the end
    is a 404."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise BadParameters(
                [
                    gettext("page_size: “%(value)s” is not a whole number from 1 to %(most)s.")
                    % {"value": raw[:20], "most": self.max_page_size}
                ]
            )
        return int(raw)

    def get_schema_operation_parameters(self, view):
        """The page and page size as the server checks them."""
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "1")
        if not raw.isdigit() or int(raw) < 1:
            raise BadParameters(
                [
                    gettext("page: “%(value)s” is not a page number (1, 2, ...).")
                    % {"value": raw[:20]}
                ]
            )
        return raw

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


#: What a list of the API takes besides its filters (``lang``: the language of its
#: messages and labels, and of the addresses of the public pages it links to).
LIST_PARAMETERS = ("page", "page_size", LANGUAGE_PARAMETER)
#: What one record's address takes.
RECORD_PARAMETERS = (LANGUAGE_PARAMETER,)


class BadParameters(ValidationError):
    """HTTP 400 with what could not be understood, in the shape every export and feed
    answers with: {"error": ..., "problems": [...]}; each problem names what is
    accepted."""

    def __init__(self, problems: list[str]):
        super().__init__({"error": str(BAD_PARAMETERS), "problems": problems})


class FilterBackend(DjangoFilterBackend):
    """Refuses, with a 400 and the reasons, any parameter or filter value the pages
    would show a message for."""

    def get_filterset_kwargs(self, request, queryset, view):
        return {**super().get_filterset_kwargs(request, queryset, view), "accepts": LIST_PARAMETERS}

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if filterset.problems:
            raise BadParameters(filterset.problems)
        return filterset.qs


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "uid"
    lookup_url_kwarg = "id"
    filter_backends = [FilterBackend]
    pagination_class = PageNumberPagination
    throttle_classes = [AnonymousRateThrottle]

    def dispatch(self, request, *args, **kwargs):
        """The response in the language asked for (``data_language``), which it names."""
        with translation.override(data_language(request)):
            response = super().dispatch(request, *args, **kwargs)
            response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ("Accept-Language",))
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        asked = request.query_params.get(LANGUAGE_PARAMETER)
        if asked is not None and not offered_language(asked):
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            raise BadParameters(
                [
                    gettext("lang: no language “%(value)s” is offered; choose one of %(codes)s.")
                    % {"value": asked, "codes": codes}
                ]
            )
        if self.action == "list" and getattr(self, "filterset_class", None):
            return  # the filter backend checks names and values alike
        accepted = LIST_PARAMETERS if self.action == "list" else RECORD_PARAMETERS
        unknown = [
            name for name in request.query_params if name not in accepted and not is_tracking(name)
        ]
        if unknown:
            raise BadParameters(
                [unknown_parameter(name, gettext("this address"), accepted) for name in unknown]
            )


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


#: What every record in the API starts with: its permanent identifier, its addresses,
#: the language it is written in, and the language of each text as given.
RECORD_FIELDS = ("id", "api_url", "html_url", "language", "text_languages")


class RecordSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uid", read_only=True)
    api_url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()
    text_languages = serializers.SerializerMethodField(
        help_text=_(
            "The language each translated text of this answer is in (a UN code): its "
            "translation into the language asked for, else its original."
        )
    )

    api_view_name = ""

    @extend_schema_field(
        {"type": "object", "additionalProperties": {"type": "string", "enum": list(UN_CODES)}}
    )
    def get_text_languages(self, obj) -> dict[str, str]:
        return {
            name: shown_language(obj, name)
            for name in translated_fields(obj)
            if name in self.fields and stored(obj, name)
        }

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
        list=extend_schema(summary=listing, responses=responses(serializer_class, listing=True)),
        retrieve=extend_schema(summary=one, responses=responses(serializer_class)),
    )(viewset)


BAD_PARAMETERS_BODY = inline_serializer(
    "BadParameters",
    {
        "error": serializers.CharField(),
        "problems": serializers.ListField(child=serializers.CharField()),
    },
)
DETAIL_BODY = inline_serializer("Detail", {"detail": serializers.CharField()})


def responses(serializer_class, listing: bool = False) -> dict:
    """Every status an operation answers with, for the OpenAPI document: the data; 304
    to a conditional request for what has not changed; 400 for a parameter or value it
    cannot use; 404 for a record (or a page) that does not exist; 429 when a client
    asks too often (with Retry-After)."""
    not_found = _("No such page of the list.") if listing else _("No public record has this id.")
    return {
        200: serializer_class,
        304: OpenApiResponse(description=_("Not modified since the ETag or date asked about.")),
        400: OpenApiResponse(
            BAD_PARAMETERS_BODY, description=_("A parameter or value it cannot use.")
        ),
        404: OpenApiResponse(DETAIL_BODY, description=not_found),
        429: OpenApiResponse(DETAIL_BODY, description=_("Too many requests; see Retry-After.")),
    }
