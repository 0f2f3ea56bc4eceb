"""Machine-readable output of events: an Atom feed, iCalendar files and schema.org data.

Every absolute URL here comes from ``ctdialogue.output.addresses.absolute``, as the
pages' canonical links do, so a feed read or a calendar file saved anywhere points
back to the canonical page.

Dates at their true precision
-----------------------------
Events carry dates only (no times), so every calendar entry is an all-day
entry: ``DTSTART;VALUE=DATE`` is the first day and ``DTEND;VALUE=DATE`` the day
*after* the last one, as RFC 5545 wants ("24-25 January 2018" is 20180124 to
20180126).

An event known only to the month, half-year or year is *left out* of calendars
and of schema.org data: both can only say a day, or a block of days, and a
months-long block in someone's calendar says something that is not known. The
calendar's description says so and links to the list, where such events are
shown in words ("Second half of 2018 (tentative)"); the event's own .ics answers
404 with the reason.

STATUS is TENTATIVE for tentative and postponed events (a postponed event's
dates are no longer firm, and iCalendar has no "postponed"), CANCELLED for
cancelled ones (also transparent, so it never shows the reader as busy),
CONFIRMED otherwise; the SUMMARY says the status in words for clients that
hide STATUS.
"""

import datetime
import html
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from ctdialogue.output.addresses import absolute
from ctdialogue.output.exports import bad_parameters
from ctdialogue.output.feeds import calendar_response, filters_in_words, webcal
from ctdialogue.safety.html import plain_text
from ctdialogue.translations.registry import text_columns

from .filters import EventFilter
from .models import Event, Participation, Theme

#: The Atom feed carries this many of the most recently published events.
FEED_LENGTH = 30

#: A calendar never carries more than this many events (the newest by date), so
#: a broad subscription on a large record stays a reasonable download.
CALENDAR_LIMIT = 500

#: What a calendar entry reads from an event (its texts in every language); the rest
#: of the row is not loaded.
CALENDAR_FIELDS = text_columns(
    Event,
    "pk",
    "uid",
    "slug",
    "title",
    "status",
    *Event.WHEN_AND_WHERE,
    "summary",
    "created_at",
    "updated_at",
)

CALENDAR_STATUS = {
    Event.Status.TENTATIVE: "TENTATIVE",
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CANCELLED: "CANCELLED",
}

SCHEMA_STATUS = {
    Event.Status.PLANNED: "https://schema.org/EventScheduled",
    Event.Status.HELD: "https://schema.org/EventScheduled",
    Event.Status.CANCELLED: "https://schema.org/EventCancelled",
    Event.Status.POSTPONED: "https://schema.org/EventPostponed",
}

#: Status words added to a calendar entry's title, for clients that hide STATUS.
STATUS_NOTES = (Event.Status.TENTATIVE, Event.Status.POSTPONED, Event.Status.CANCELLED)


# --- Helpers that read an event already in memory (no queries) ----------------


def event_days(event):
    """(first day, last day) of an event whose days are known, both inclusive."""
    return event.start_date, event.last_day


def event_location(event) -> str:
    """ "Venue, City, Country" with whatever parts are known."""
    parts = (event.venue, event.city, event.country.name if event.country else "")
    return ", ".join(part for part in parts if part)


def calendar_summary(event) -> str:
    """The title, with the status in words when it matters."""
    if event.status in STATUS_NOTES:
        return gettext("%(title)s (%(status)s)") % {
            "title": event.title,
            "status": event.get_status_display().lower(),
        }
    return event.title


def calendar_description(event, url: str) -> str:
    paragraphs = []
    summary = plain_text(event.summary)
    if summary:
        paragraphs.append(summary)
    paragraphs.append(gettext("More: %(url)s") % {"url": url})
    return "\n\n".join(paragraphs)


def add_to_calendar(event) -> list[tuple[str, str]]:
    """Ways to put ``event`` in a calendar, for its page: its .ics file (Apple Calendar,
    Outlook, Thunderbird...), a webcal: subscription to it, and the forms of the web
    calendars that take an event in their address. None when its days are not known."""
    if not event.has_known_days:
        return []
    ics = reverse("events:event-ics", kwargs={"slug": event.slug})
    first, last = event_days(event)
    end = last + datetime.timedelta(days=1)  # all-day entries end the day after
    title = calendar_summary(event)
    details = gettext("%(dates)s. More: %(url)s") % {
        "dates": event.date_display,
        "url": absolute(event.get_absolute_url()),
    }
    location = event_location(event)
    google = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{first:%Y%m%d}/{end:%Y%m%d}",
        "details": details,
        "location": location,
    }
    outlook = urlencode(
        {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": title,
            "startdt": first.isoformat(),
            "enddt": end.isoformat(),
            "allday": "true",
            "body": details,
            "location": location,
        }
    )
    return [
        (gettext("Download (.ics)"), ics),
        (gettext("Subscribe (webcal)"), webcal(ics)),
        ("Google Calendar", "https://calendar.google.com/calendar/render?" + urlencode(google)),
        ("Outlook.com", "https://outlook.live.com/calendar/0/deeplink/compose?" + outlook),
        ("Microsoft 365", "https://outlook.office.com/calendar/0/deeplink/compose?" + outlook),
    ]


def calendar_event(event) -> CalendarEvent:
    """One all-day VEVENT for ``event``, whose days are known; its themes must be
    prefetched."""
    first, last = event_days(event)
    url = absolute(event.get_absolute_url())
    component = CalendarEvent()
    # The record's permanent UUID: it survives a new slug, a new domain and a
    # database reload, so a subscriber never sees the same event twice.
    component.add("uid", str(event.uid))
    # Without METHOD, DTSTAMP is the time the entry last changed (RFC 5545 3.8.7.2).
    component.add("dtstamp", event.updated_at)
    component.add("created", event.created_at)
    component.add("last-modified", event.updated_at)
    component.add("dtstart", first)
    component.add("dtend", last + datetime.timedelta(days=1))
    component.add("summary", calendar_summary(event))
    component.add("description", calendar_description(event, url))
    component.add("url", url)
    location = event_location(event)
    if location:
        component.add("location", location)
    themes = [theme.name for theme in event.themes.all()]
    if themes:
        component.add("categories", themes)
    component.add("status", CALENDAR_STATUS.get(event.status, "CONFIRMED"))
    cancelled = event.status == Event.Status.CANCELLED
    component.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return component


def build_calendar(events, *, name: str, description: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//ctdialogue//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    # Subscribed calendars: look again twice a day.
    calendar.add("refresh-interval", datetime.timedelta(hours=12))
    calendar.add("x-published-ttl", "PT12H")
    for event in events:
        calendar.add_component(calendar_event(event))
    return calendar


def event_json_ld(event) -> dict | None:
    """schema.org Event data for ``event``, or None when its days are not known.

    Reads only what ``Event.objects.with_people()`` prefetches (participations,
    contributions, photos), so it adds no query to the event page. schema.org wants
    a start date and says what it means by the status: an event known only to the
    month or half-year has no such data rather than an invented day, and a tentative
    one has no status, for none of schema.org's says "not yet confirmed". Speakers
    under the Chatham House rule are not named.
    """
    if not event.has_known_days:
        return None
    first, last = event_days(event)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": absolute(event.get_absolute_url()),
        "startDate": first.isoformat(),
        "endDate": last.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": event.language,
    }
    status = SCHEMA_STATUS.get(event.status)
    if status:
        data["eventStatus"] = status
    description = plain_text(event.summary)
    if description:
        data["description"] = description
    location = _place(event)
    if location:
        data["location"] = location
    organizers = [_organizer(participation) for participation in event.hosts]
    if organizers:
        data["organizer"] = organizers
    performers = _performers(event)
    if performers:
        data["performer"] = performers
    images = [absolute(photo.image.url) for photo in event.photos.all()]
    if images:
        data["image"] = images
    return data


def _place(event) -> dict | None:
    """A schema.org Place with what is known of where, or None."""
    if not (event.venue or event.city or event.country):
        return None
    address = {"@type": "PostalAddress"}
    if event.city:
        address["addressLocality"] = event.city
    if event.country:
        address["addressCountry"] = event.country.code
    return {"@type": "Place", "name": event.venue or event.place_display, "address": address}


def _organizer(participation) -> dict:
    organization = participation.organization
    if organization is None:
        return {"@type": "Organization", "name": participation.participant_display}
    # Only public participations are prefetched: the organisation has a page.
    data = {
        "@type": "Organization",
        "name": organization.name,
        "url": absolute(organization.get_absolute_url()),
    }
    if organization.website:
        data["sameAs"] = organization.website
    return data


def _performers(event) -> list[dict]:
    """The speakers who may be named: none from a session, or an event, held
    under the Chatham House rule."""
    people, seen = [], set()
    for contribution in event.contributions.all():
        person = contribution.person
        if not contribution.is_attributable or person.pk in seen:
            continue
        seen.add(person.pk)
        data = {"@type": "Person", "name": person.full_name}
        if person.position:
            data["jobTitle"] = person.position
        data["url"] = absolute(person.get_absolute_url())  # only public speakers are here
        people.append(data)
    return people


# --- Views --------------------------------------------------------------------


def themes_prefetch():
    return Prefetch("themes", queryset=Theme.objects.only(*text_columns(Theme, "name")))


def _query(filterset) -> str:
    return f"?{filterset.data.urlencode()}" if filterset.data else ""


def feed_filters(request) -> EventFilter:
    """The events list's filters, as a feed or calendar reads them: no page number."""
    return EventFilter(request.GET or None, queryset=Event.objects.public(), accepts=())


class EventAtomFeed(Feed):
    """The most recently published events, newest publication first; the events list's
    filters narrow it (a feed of one theme), and a parameter or value it cannot use is
    answered with HTTP 400 and the reason."""

    feed_type = Atom1Feed

    class Refused(Exception):
        """The feed's filters could not be used: the problems, for the 400."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except self.Refused as refused:
            return bad_parameters(refused.args[0])

    def get_object(self, request, *args, **kwargs):
        filterset = feed_filters(request)
        if filterset.problems:
            raise self.Refused(filterset.problems)
        return filterset

    def title(self):
        return gettext("%(site)s: events") % {"site": settings.SITE_NAME}

    def subtitle(self, filterset):
        in_use = filters_in_words(filterset)
        if in_use:
            return gettext(
                "Events matching %(filters)s newly published on the public record of the %(site)s."
            ) % {"filters": in_use, "site": settings.SITE_NAME}
        return gettext("Events newly published on the public record of the %(site)s.") % {
            "site": settings.SITE_NAME
        }

    def link(self, filterset):
        return absolute(reverse("events:event-list") + _query(filterset))

    def feed_url(self, filterset):
        return absolute(reverse("events:event-feed") + _query(filterset))

    def feed_guid(self, filterset):
        return self.feed_url(filterset)

    def author_name(self):
        return settings.SITE_NAME

    def author_link(self):
        return absolute("/")

    def items(self, filterset):
        return filterset.qs.with_public(
            themes_prefetch(),
            Prefetch(
                "participations",
                queryset=Participation.objects.filter(role__in=Event.HOST_ROLES)
                .select_related("organization")
                .order_by("order", "pk"),
            ),
        ).order_by("-publish_at", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title  # Atom titles are text: the XML writer escapes them

    def item_description(self, item):
        lead = ". ".join(part for part in (item.date_display, item.place_display) if part)
        summary = plain_text(item.summary)
        sentence = gettext("%(sentence)s.") % {"sentence": lead}
        text = f"{sentence} {summary}" if summary else sentence
        # Atom1Feed marks the summary as type="html": give it HTML, escaped.
        return html.escape(text, quote=False)

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_guid(self, item):
        return item.uid.urn  # "urn:uuid:...": permanent, whatever the address

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        """The co-hosts and organisers; the feed's author when there are none."""
        return "; ".join(p.participant_display for p in item.hosts) or None

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


@require_safe
def event_calendar(request):
    """The events of the list page as an iCalendar file, with the same filters.

    A parameter or value it cannot use is answered with HTTP 400 and the reason, as
    every export and feed answers: a calendar that silently dropped a filter would
    fill a subscriber's calendar with events they did not ask for. At most
    CALENDAR_LIMIT events, the newest by date.
    """
    filterset = feed_filters(request)
    if filterset.problems:
        return bad_parameters(filterset.problems)
    events = (
        filterset.qs.with_known_days()
        .order_by("-start_date", "-pk")
        .only(*CALENDAR_FIELDS)
        .with_public(themes_prefetch())[:CALENDAR_LIMIT]
    )
    in_use = filters_in_words(filterset)
    if in_use:
        description = gettext("Events of the %(site)s matching %(filters)s.")
    else:
        description = gettext("Events of the %(site)s.")
    description = description % {"site": settings.SITE_NAME, "filters": in_use}
    description += " " + gettext(
        "Events whose days are not yet known (only the month, half-year or year) are "
        "not in it; they are listed at %(url)s."
    ) % {"url": absolute(reverse("events:event-list"))}
    calendar = build_calendar(
        events,
        name=gettext("%(site)s: events") % {"site": settings.SITE_NAME},
        description=description,
    )
    return calendar_response(calendar, "ctdialogue-events.ics")


@require_safe
def event_ics(request, slug):
    """One event as an iCalendar file; staff may download a draft, as they may preview it."""
    event = get_object_or_404(
        Event.objects.visible_to(request.user)
        .only(*CALENDAR_FIELDS)
        .with_public(themes_prefetch()),
        slug=slug,
    )
    if not event.has_known_days:
        return HttpResponse(
            gettext(
                "The days of “%(title)s” are not known yet (%(dates)s), so it cannot be "
                "added to a calendar."
            )
            % {"title": event.title, "dates": event.date_display}
            + "\n",
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    calendar = build_calendar(
        [event],
        name=event.title,
        description=f"{settings.SITE_NAME}: {event.title}",
    )
    return calendar_response(calendar, f"{event.slug}.ics")
