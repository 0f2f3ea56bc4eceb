"""Public pages of the dialogue: thin generic views over QuerySet methods."""

from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import DetailView
from django_filters.views import FilterView

from ctdialogue.output.citations import CitationMixin
from ctdialogue.output.feeds import webcal
from ctdialogue.pages.charts import bar_chart
from ctdialogue.pages.views import FilteredListMixin, bounded
from ctdialogue.publishing.identifiers import current_for_old_slug
from ctdialogue.publishing.views import PublishedDetailMixin

from .citations import event_citation, initiative_citation
from .feeds import add_to_calendar
from .filters import EventFilter, InitiativeFilter, OrganizationFilter, PersonFilter
from .models import (
    Contribution,
    Event,
    EventSeries,
    Initiative,
    Organization,
    Person,
    Photo,
    Theme,
)


class EventListView(FilteredListMixin, FilterView):
    list_noun = "event"
    export_url_name = "events:event-export"
    filterset_class = EventFilter
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):
        return Event.objects.public().with_cards().newest_first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["facets"] = self.filterset.facets()
        query = self._query_without_page()
        calendar = reverse("events:event-calendar") + (f"?{query}" if query else "")
        context["downloads"].append((gettext("Calendar (.ics)"), calendar))
        context["subscribe"] = webcal(calendar)
        return context


class EventDetailView(CitationMixin, PublishedDetailMixin, DetailView):
    model = Event
    build_citation = staticmethod(event_citation)
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return super().get_queryset().with_people()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        context["resolutions"] = event.resolutions.all()  # prefetched, published only
        context["add_to_calendar"] = add_to_calendar(event)
        if event.series_id and event.edition:
            editions = Event.objects.public().filter(series_id=event.series_id)
            context["previous_event"] = (
                editions.filter(edition__lt=event.edition).order_by("-edition").first()
            )
            context["next_event"] = (
                editions.filter(edition__gt=event.edition).order_by("edition").first()
            )
        return context


class PhotoDetailView(DetailView):
    """One photo of an event's gallery, large, with its description, caption and credit,
    and links to the photos before and after it: the gallery needs no script.

    A photo is public only with its event (``Photo.shown_with``); staff may preview
    both. An event's former address redirects to the photo at its current one."""

    template_name = "events/photo_detail.html"
    context_object_name = "photo"

    def get_queryset(self):
        return Photo.objects.visible_to(self.request.user)

    def get_object(self, queryset=None):
        photo = (
            self.get_queryset()
            .select_related("event")
            .filter(event__slug=self.kwargs["slug"], pk=self.kwargs["pk"])
            .first()
        )
        if photo is None:
            raise Http404(gettext("No photo has this address."))
        return photo

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            event = current_for_old_slug(Event.objects.visible_to(request.user), kwargs["slug"])
            moved = event and self.get_queryset().filter(event=event, pk=kwargs["pk"]).first()
            if moved:
                return HttpResponsePermanentRedirect(moved.get_absolute_url())
            raise

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        photo = self.object
        gallery = list(
            self.get_queryset().filter(event_id=photo.event_id).values_list("pk", flat=True)
        )
        index = gallery.index(photo.pk)

        def address(pk):
            return reverse("events:photo-detail", kwargs={"slug": photo.event.slug, "pk": pk})

        context.update(
            event=photo.event,
            position=index + 1,
            count=len(gallery),
            label=gettext("Photo %(position)s of %(count)s")
            % {"position": index + 1, "count": len(gallery)},
            previous_url=address(gallery[index - 1]) if index > 0 else None,
            next_url=address(gallery[index + 1]) if index + 1 < len(gallery) else None,
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
            .with_public(Prefetch("events", queryset=Event.objects.chronological()))
        )


class ThemeDetailView(PublishedDetailMixin, DetailView):
    model = Theme
    template_name = "events/theme_detail.html"
    context_object_name = "theme"
    latest_events = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.public().for_theme(self.object)
        by_year = events.count_by_year()
        context["event_count"] = sum(by_year.values())
        context["events"] = events.with_cards().newest_first()[: self.latest_events]
        context["initiatives"] = bounded(
            Initiative.objects.public().filter(themes=self.object),
            "events:initiative-list",
            theme=self.object.slug,
        )
        context["resolutions"] = self.object.resolutions.public()
        context["chart"] = bar_chart(by_year)
        return context


class InitiativeListView(FilteredListMixin, FilterView):
    list_noun = "initiative"
    export_url_name = "events:initiative-export"
    filterset_class = InitiativeFilter
    template_name = "events/initiative_list.html"
    context_object_name = "initiatives"
    paginate_by = 50

    def get_queryset(self):
        # The resolutions that recognise each: reached by the reverse relation, as the
        # dialogue never imports the resolutions app.
        return Initiative.objects.public().with_partners().with_public("resolutions")


class InitiativeDetailView(CitationMixin, PublishedDetailMixin, DetailView):
    model = Initiative
    build_citation = staticmethod(initiative_citation)
    template_name = "events/initiative_detail.html"
    context_object_name = "initiative"

    def get_queryset(self):
        return super().get_queryset().with_partners().with_public("themes")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = bounded(
            Event.objects.public().filter(initiatives=self.object).with_cards().newest_first(),
            "events:event-list",
            initiative=self.object.slug,
        )
        context["resolutions"] = self.object.resolutions.public()
        return context


class OrganizationListView(FilteredListMixin, FilterView):
    list_noun = "stakeholder"
    export_url_name = "events:organization-export"
    filterset_class = OrganizationFilter
    template_name = "events/organization_list.html"
    context_object_name = "organizations"
    paginate_by = 50

    def get_queryset(self):
        return Organization.objects.public()


class OrganizationDetailView(PublishedDetailMixin, DetailView):
    model = Organization
    template_name = "events/organization_detail.html"
    context_object_name = "organization"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        context["events"] = bounded(
            Event.objects.public()
            .filter(
                pk__in=Event.objects.filter(participations__organization=organization).values("pk")
            )
            .with_cards()
            .newest_first(),
            "events:event-list",
            organization=organization.slug,
        )
        context["initiatives"] = bounded(
            Initiative.objects.public().filter(partners=organization).distinct(),
            "events:initiative-list",
            partner=organization.slug,
        )
        context["people"] = bounded(
            Person.objects.public().filter(organization=organization),
            "events:person-list",
            organization=organization.slug,
        )
        return context


class PersonListView(FilteredListMixin, FilterView):
    list_noun = "speaker"
    export_url_name = "events:person-export"
    filterset_class = PersonFilter
    template_name = "events/person_list.html"
    context_object_name = "people"
    paginate_by = 50

    def get_queryset(self):
        return Person.objects.public().with_organization()


class PersonDetailView(PublishedDetailMixin, DetailView):
    model = Person
    template_name = "events/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return super().get_queryset().with_organization()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contributions"] = (
            Contribution.objects.public()
            .filter(person=self.object)
            .select_related("event")
            .order_by("-event__start_date")
        )
        return context
