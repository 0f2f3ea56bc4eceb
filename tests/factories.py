"""factory_boy factories: published by default, so tests opt in to drafts."""

import datetime

import factory
from django.utils import timezone

from ctdialogue.publishing.models import DRAFT, PUBLISHED
from events.dates import DatePrecision, period_end, period_start
from events.models import (
    Attachment,
    Contribution,
    Event,
    EventSeries,
    Initiative,
    InitiativePartner,
    Organization,
    Participation,
    Person,
    Photo,
    Theme,
)
from resolutions.models import Resolution, ResolutionRelation


class PublishedFactory(factory.django.DjangoModelFactory):
    publication_status = PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    class Meta:
        abstract = True

    class Params:
        draft = factory.Trait(publication_status=DRAFT)
        scheduled = factory.Trait(
            publish_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
        )


class ThemeFactory(PublishedFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    description = "A theme of the dialogue."

    class Meta:
        model = Theme


class OrganizationFactory(PublishedFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organization.Kind.MEMBER_STATE
    country = "TH"

    class Meta:
        model = Organization


class PersonFactory(PublishedFactory):
    honorific = "Ms."
    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    position = "Director"
    organization = factory.SubFactory(OrganizationFactory)

    class Meta:
        model = Person


class EventSeriesFactory(PublishedFactory):
    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")

    class Meta:
        model = EventSeries


class EventFactory(PublishedFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    kind = Event.Kind.WORKSHOP
    status = Event.Status.HELD
    start_date = datetime.date(2018, 1, 24)
    end_date = datetime.date(2018, 1, 25)
    city = "Bangkok"
    country = "TH"
    summary = "A workshop."

    class Meta:
        model = Event
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Store a fuzzy date as its whole period, as Event.clean() does for staff."""
        precision = kwargs.get("date_precision", DatePrecision.DAY)
        if precision != DatePrecision.DAY:
            kwargs["start_date"] = period_start(kwargs["start_date"], precision)
            kwargs["end_date"] = period_end(
                kwargs.get("end_date") or kwargs["start_date"], precision
            )
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class ParticipationFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Participation.Role.PARTICIPANT

    class Meta:
        model = Participation


class ContributionFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = Contribution.Role.ADDRESS
    quotation = "We spoke about the matter at hand."

    class Meta:
        model = Contribution


class InitiativeFactory(PublishedFactory):
    name = factory.Sequence(lambda n: f"Initiative {n}")
    slug = factory.Sequence(lambda n: f"initiative-{n}")
    launched = 2016
    website = "https://example.org/"

    class Meta:
        model = Initiative


class InitiativePartnerFactory(factory.django.DjangoModelFactory):
    initiative = factory.SubFactory(InitiativeFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = InitiativePartner.Role.PARTNER

    class Meta:
        model = InitiativePartner


class PhotoFactory(PublishedFactory):
    event = factory.SubFactory(EventFactory)
    image = factory.django.ImageField(width=64, height=48, color="blue", format="PNG")
    alt_text = "Participants around a table"
    language = factory.LazyAttribute(lambda photo: photo.event.language)
    caption = "The workshop"
    credit = "CTED"

    class Meta:
        model = Photo


class AttachmentFactory(PublishedFactory):
    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Concept note {n}")
    kind = Attachment.Kind.CONCEPT_NOTE
    file = factory.django.FileField(filename="note.pdf", data=b"%PDF-1.4\n%%EOF\n")

    class Meta:
        model = Attachment


class ResolutionFactory(PublishedFactory):
    number = factory.Sequence(lambda n: 3000 + n)
    year = 2017
    adopted_on = datetime.date(2017, 12, 21)
    title = "A resolution on counter-terrorism"

    class Meta:
        model = Resolution

    class Params:
        # Adopted unanimously at its meeting, as the Council's records give it.
        unanimous = factory.Trait(vote="recorded", votes_for=15, votes_against=0, abstentions=0)


class ResolutionRelationFactory(factory.django.DjangoModelFactory):
    source = factory.SubFactory(ResolutionFactory)
    kind = ResolutionRelation.Kind.RECALLS
    target = factory.SubFactory(ResolutionFactory, number=factory.Sequence(lambda n: 1000 + n))

    class Meta:
        model = ResolutionRelation


def rich_event(**kwargs) -> Event:
    """A published event with something of every kind attached (themes, hosts, a
    stakeholder group, a speech, an initiative, a resolution, a photo): what the
    query-count tests add rows of, to show a page's queries do not grow with them."""
    event = EventFactory(themes=[ThemeFactory(), ThemeFactory()], **kwargs)
    ParticipationFactory(event=event, role=Participation.Role.CO_HOST)
    ParticipationFactory(event=event, role=Participation.Role.ORGANISER)
    ParticipationFactory(event=event, organization=None, stakeholder_kind="academia")
    ContributionFactory(event=event)
    InitiativeFactory().events.add(event)
    ResolutionFactory().events.add(event)
    PhotoFactory(event=event)
    return event
