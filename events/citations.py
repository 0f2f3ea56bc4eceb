"""Citations of events and initiatives (see ``ctdialogue.output.citations``)."""

from django.conf import settings
from django.utils.translation import gettext

from ctdialogue.output.addresses import absolute
from ctdialogue.output.citations import Citation, CitationView, citation_key

from .models import Event, Initiative


def event_citation(event: Event) -> Citation:
    return Citation(
        key=citation_key("ctdialogue", event.slug, event.start_date.year),
        csl_type="event",
        bibtex_type="misc",
        title=event.title,
        url=absolute(event.get_absolute_url()),
        issued=event.known_date,
        author=settings.SITE_NAME,
        container_title=settings.SITE_NAME,
        note=", ".join(part for part in (event.date_display, event.place_display) if part),
        extra_csl={"event-place": event.place_display} if event.place_display else {},
    )


def initiative_citation(initiative: Initiative) -> Citation:
    return Citation(
        key=citation_key("ctdialogue", initiative.slug),
        csl_type="webpage",
        bibtex_type="misc",
        title=initiative.name,
        url=absolute(initiative.get_absolute_url()),
        issued=initiative.known_launch,
        author=settings.SITE_NAME,
        container_title=settings.SITE_NAME,
        note=gettext("Launched in %(year)s") % {"year": initiative.launched}
        if initiative.launched
        else "",
    )


class EventCitationView(CitationView):
    model = Event
    build = staticmethod(event_citation)


class InitiativeCitationView(CitationView):
    model = Initiative
    build = staticmethod(initiative_citation)
