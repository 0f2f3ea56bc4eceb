"""Public pages of the dialogue: thin generic views over QuerySet methods."""

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from .models import Contribution, Event, EventSeries, Initiative, Organization, Person, Theme


class PublishedDetailMixin:
    """Public visitors see what is published and due; staff may preview drafts."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class EventListView(ListView):
    model = Event
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):
        return Event.objects.published().with_cards().newest_first()


class EventDetailView(PublishedDetailMixin, DetailView):
    model = Event
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return super().get_queryset().with_people()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        # Resolutions live in another app that may import this one, not the
        # other way round: reach them through the reverse relation.
        context["resolutions"] = event.resolutions.published().order_by("number")
        if event.series_id and event.edition:
            editions = Event.objects.published().filter(series_id=event.series_id)
            context["previous_event"] = (
                editions.filter(edition__lt=event.edition).order_by("-edition").first()
            )
            context["next_event"] = (
                editions.filter(edition__gt=event.edition).order_by("edition").first()
            )
        return context


class EventSeriesDetailView(PublishedDetailMixin, DetailView):
    model = EventSeries
    template_name = "events/eventseries_detail.html"
    context_object_name = "series"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch("events", queryset=Event.objects.published().chronological())
            )
        )


class ThemeDetailView(PublishedDetailMixin, DetailView):
    model = Theme
    template_name = "events/theme_detail.html"
    context_object_name = "theme"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = (
            Event.objects.published().for_theme(self.object).with_cards().newest_first()
        )
        context["initiatives"] = Initiative.objects.published().filter(themes=self.object)
        context["resolutions"] = self.object.resolutions.published()
        return context


class InitiativeListView(ListView):
    template_name = "events/initiative_list.html"
    context_object_name = "initiatives"
    paginate_by = 50

    def get_queryset(self):
        return Initiative.objects.published().with_partners()


class InitiativeDetailView(PublishedDetailMixin, DetailView):
    model = Initiative
    template_name = "events/initiative_detail.html"
    context_object_name = "initiative"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .with_partners()
            .prefetch_related(
                Prefetch("themes", queryset=Theme.objects.published()),
                Prefetch("events", queryset=Event.objects.published().with_cards().newest_first()),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resolutions"] = self.object.resolutions.published()
        return context


class OrganizationListView(ListView):
    template_name = "events/organization_list.html"
    context_object_name = "organizations"
    paginate_by = 50

    def get_queryset(self):
        return Organization.objects.published()


class OrganizationDetailView(PublishedDetailMixin, DetailView):
    model = Organization
    template_name = "events/organization_detail.html"
    context_object_name = "organization"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = (
            Event.objects.published()
            .filter(participations__organization=self.object)
            .distinct()
            .with_cards()
            .newest_first()
        )
        context["initiatives"] = Initiative.objects.published().filter(partners=self.object)
        context["people"] = Person.objects.published().filter(organization=self.object)
        return context


class PersonListView(ListView):
    template_name = "events/person_list.html"
    context_object_name = "people"
    paginate_by = 50

    def get_queryset(self):
        return Person.objects.published().with_organization()


class PersonDetailView(PublishedDetailMixin, DetailView):
    model = Person
    template_name = "events/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return super().get_queryset().with_organization()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contributions"] = (
            Contribution.objects.filter(person=self.object, event__in=Event.objects.published())
            .select_related("event")
            .order_by("-event__start_date")
        )
        return context
