"""Atom feed and iCalendar output of events (being written)."""

from django.http import HttpResponse


def not_ready(request, *args, **kwargs):
    return HttpResponse("Not available yet.", status=404, content_type="text/plain")


EventAtomFeed = None
event_calendar = not_ready
event_ics = not_ready
