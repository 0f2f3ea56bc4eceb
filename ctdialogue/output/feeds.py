"""What every machine-readable output shares: JSON safe inside a page, iCalendar
responses and their webcal: addresses, and the filters of a list in words (for feed
and calendar descriptions)."""

import json

from django.db.models import QuerySet
from django.forms import ModelChoiceField
from django.http import HttpResponse
from django.utils.translation import gettext
from icalendar import Calendar

from .addresses import absolute


def webcal(url: str) -> str:
    """The webcal: address of the calendar at ``url`` (a path or an absolute address):
    following it opens the reader's calendar program, which subscribes to it and
    fetches it again from time to time, where the .ics address downloads one copy."""
    return "webcal://" + absolute(url).split("://", 1)[1]


def calendar_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


JSON_SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}


def json_for_script(data) -> str:
    """JSON safe to place inside a <script> element: no "</script>" can appear."""
    return json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)


def filters_in_words(filterset) -> str:
    """ "Theme: Digital evidence; Year: 2018": the filters in use.

    Unlike ``active_filters()`` it never loads a model field's whole choice
    list (every theme, every organisation) just to name the chosen value."""
    parts = []
    for name, value in filterset.cleaned_values().items():
        items = list(value) if isinstance(value, list | tuple | QuerySet) else [value]
        items = [item for item in items if item not in (None, "")]
        if name == "sort" or not items:
            continue
        field = filterset.form.fields[name]
        choices = {} if isinstance(field, ModelChoiceField) else dict(getattr(field, "choices", ()))
        words = ", ".join(str(choices.get(str(item), item)) for item in items)
        label = filterset.labels.get(name, name).capitalize()
        parts.append(gettext("%(label)s: %(values)s") % {"label": label, "values": words})
    return "; ".join(parts)
