"""The texts of the dialogue's records that may be written in each language (see
ctdialogue.translations): names, descriptions, titles and summaries, not slugs, dates
or names of people's credits."""

from ctdialogue.translations.registry import register

from .models import (
    Attachment,
    Contribution,
    Event,
    EventSeries,
    Initiative,
    Organization,
    Participation,
    Person,
    Photo,
    Theme,
)

register(Theme, ("name", "description"))
register(Organization, ("name", "acronym", "description"))
register(Person, ("honorific", "name", "position", "bio"))
register(EventSeries, ("name", "description"))
register(Event, ("title", "summary", "body", "city", "venue", "expected_outcome", "outcome"))
register(Participation, ("description",))
register(Contribution, ("title", "summary", "quotation"), verbatim=("quotation",))
register(Initiative, ("name", "acronym", "summary"))
register(Photo, ("alt_text", "caption"))
register(Attachment, ("title",))
