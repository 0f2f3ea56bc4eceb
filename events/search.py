"""What the site search looks for in the dialogue, and how it shows each kind."""

from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from ctdialogue.search.engine import Source

from .models import Event, Initiative, Organization, Person, Theme


def _join(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _describe_event(event: Event) -> tuple[str, str]:
    return event.title, _join(event.date_display, event.place_display)


def _describe_theme(theme: Theme) -> tuple[str, str]:
    return theme.name, ""


def _describe_initiative(initiative: Initiative) -> tuple[str, str]:
    launched = ""
    if initiative.launched:
        launched = gettext("Launched in %(year)s") % {"year": initiative.launched}
    return initiative.name, _join(initiative.acronym, launched)


def _describe_organization(organization: Organization) -> tuple[str, str]:
    return str(organization), _join(organization.get_kind_display(), organization.country.name)


def _describe_person(person: Person) -> tuple[str, str]:
    parts = [person.position]
    if person.organization:  # None where the organisation is not public
        parts.append(person.organization.short_name)
    return person.full_name, ", ".join(part for part in parts if part)


SOURCES: tuple[Source, ...] = (
    Source(Event, "events", _("Events"), _describe_event, ("summary", "body"),
           order=("-start_date", "title"), list_url_name="events:event-list",
           counted=ngettext_lazy("%(shown)s event", "%(shown)s events", "count")),
    Source(Theme, "themes", _("Themes"), _describe_theme, ("description",),
           counted=ngettext_lazy("%(shown)s theme", "%(shown)s themes", "count")),
    Source(Initiative, "initiatives", _("Initiatives"), _describe_initiative, ("summary",),
           counted=ngettext_lazy("%(shown)s initiative", "%(shown)s initiatives", "count")),
    Source(Organization, "organizations", _("Stakeholders"), _describe_organization,
           ("description",),
           counted=ngettext_lazy("%(shown)s stakeholder", "%(shown)s stakeholders", "count")),
    Source(Person, "people", _("Speakers"), _describe_person, ("position",),
           read=lambda people: people.with_organization(),
           counted=ngettext_lazy("%(shown)s speaker", "%(shown)s speakers", "count")),
)  # fmt: skip
