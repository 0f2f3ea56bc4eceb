"""The OpenAPI document says which values the record filters take today, and the
bounds of their numbers.

A filter by theme, series, organisation, initiative or partner takes the slug of a
published record; any other value is answered with 400. Those slugs change as staff
publish, so the document is completed per request (a drf-spectacular postprocessing
hook) with an ``enum`` of the slugs public at that moment: a client that follows the
document is never refused, and one that sends an unknown slug was told in advance.
"""

from django.conf import settings
from django_filters.filters import QuerySetRequestMixin

from ctdialogue.languages import LANGUAGE_PARAMETER


def enumerate_record_choices(result, generator, request, public):
    """drf-spectacular postprocessing hook: fill in the values of record filters.

    Only for a document served to a request: one written by ``manage.py spectacular``
    or by the system check (no request, perhaps no tables yet) would freeze the slugs
    of one moment, so it leaves them out."""
    if request is None:
        return result
    for path, _regex, method, view in generator.endpoints:
        filterset_class = getattr(view.cls, "filterset_class", None)
        operation = result["paths"].get(path, {}).get(method.lower())
        if filterset_class is None or operation is None:
            continue
        for parameter in operation.get("parameters", ()):
            choice = filterset_class.base_filters.get(parameter["name"])
            if isinstance(choice, QuerySetRequestMixin):
                _enumerate(parameter["schema"], _slugs(choice, request))
            elif choice is not None:
                _bound(parameter["schema"], choice.extra)
            _no_nul(parameter["schema"])
    return result


#: Every list refuses a value with a NUL character in it (PostgreSQL cannot store one).
NO_NUL = "^[^\u0000]*$"


def _no_nul(schema: dict) -> None:
    target = schema.get("items", schema) if schema.get("type") == "array" else schema
    if target.get("type") == "string" and "enum" not in target and "format" not in target:
        target.setdefault("pattern", NO_NUL)


def _bound(schema: dict, extra: dict) -> None:
    """The bounds a number filter was given (``min_value``, ``max_value``)."""
    for option, keyword in (("min_value", "minimum"), ("max_value", "maximum")):
        if extra.get(option) is not None:
            schema[keyword] = extra[option]


def _slugs(choice, request) -> list[str]:
    field = choice.extra.get("to_field_name") or "pk"
    values = choice.get_queryset(request).order_by(field).values_list(field, flat=True)
    return [str(value) for value in values]


def _enumerate(schema: dict, values: list[str]) -> None:
    if schema.get("type") == "array":
        if values:
            schema["items"] = {**schema.get("items", {}), "enum": values}
        else:
            schema["maxItems"] = 0  # nothing is published to filter by yet
    else:
        # Empty means "not filtered", as for every parameter of a list.
        schema["enum"] = ["", *values]


def document_language_parameter(result, generator, request, public):
    """drf-spectacular postprocessing hook: every operation takes ``lang``, the
    language of its messages and labels (``ctdialogue.languages.data_language``)."""
    codes = [code for code, _name in settings.LANGUAGES]
    parameter = {
        "in": "query",
        "name": LANGUAGE_PARAMETER,
        "required": False,
        "description": (
            "The language of the response's messages and labels and of the addresses of "
            "public pages it gives; without it, the first of these the Accept-Language "
            "header asks for, else English. The response names it in Content-Language. "
            "Record texts are in the language each record gives in `language`."
        ),
        "schema": {"type": "string", "enum": codes},
    }
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            operation.setdefault("parameters", []).append(dict(parameter))
    return result
