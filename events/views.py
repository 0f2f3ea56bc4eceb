"""Public pages of the dialogue: thin generic views over QuerySet methods."""

from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView
from django_filters.views import FilterView

from .charts import bar_chart
from .citations import event_citation, initiative_citation
from .filters import EventFilter, InitiativeFilter, OrganizationFilter, PersonFilter
from .identifiers import current_for_old_slug
from .models import Contribution, Event, EventSeries, Initiative, Organization, Person, Theme


class ForgivingPaginationMixin:
    """A page number that is not a number, or past the end, shows the nearest
    real page with a message instead of an error page."""

    page_problem = ""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, allow_empty_first_page=self.get_allow_empty()
        )
        raw = self.request.GET.get(self.page_kwarg, "1").strip() or "1"
        shown = raw if len(raw) <= 20 else raw[:20] + "..."
        try:
            number = int(raw)
        except ValueError:
            number = 1
            self.page_problem = f"Page: “{shown}” is not a page number; the first page is shown."
        else:
            if number < 1:
                number = 1
                self.page_problem = "Page: page numbers start at 1; the first page is shown."
            elif number > paginator.num_pages:
                self.page_problem = (
                    f"Page: there is no page {number}; the last page "
                    f"({paginator.num_pages}) is shown."
                )
                number = paginator.num_pages
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()


class FilteredListMixin(ForgivingPaginationMixin):
    """A django-filter list that shows what it can and says what it could not use."""

    strict = False
    export_url_name = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.export_url_name:
            query = self._query_without_page()
            suffix = f"?{query}" if query else ""
            context["downloads"] = [
                (label, reverse(self.export_url_name, kwargs={"fmt": fmt}) + suffix)
                for fmt, label in (("csv", "CSV"), ("json", "JSON"))
            ]
        problems = list(self.filterset.problems)
        if self.page_problem:
            problems.append(self.page_problem)
        context["problems"] = problems
        context["active_filters"] = self.filterset.active_filters()
        context["query_without_page"] = self._query_without_page()
        return context

    def _query_without_page(self):
        data = self.filterset.data.copy() if self.filterset.data is not None else None
        if data is None:
            return ""
        data.pop("page", None)
        return data.urlencode()


class CitationMixin:
    """Offers "Cite this" on a detail page: BibTeX shown, both formats to download."""

    cite_url_name = ""
    cite_lookup = "slug"

    @staticmethod
    def build_citation(obj):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        citation = self.build_citation(self.object)
        key = {self.cite_lookup: getattr(self.object, self.cite_lookup)}
        context["citation"] = {
            "bibtex": citation.bibtex(timezone.localdate()),
            "bib_url": reverse(self.cite_url_name, kwargs={**key, "fmt": "bib"}),
            "json_url": reverse(self.cite_url_name, kwargs={**key, "fmt": "json"}),
        }
        return context


class PublishedDetailMixin:
    """Public visitors see what is published and due; staff may preview drafts.

    An address a record used to have (before its slug changed) redirects
    permanently to its current page.
    """

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            slug = kwargs.get(self.slug_url_kwarg)
            if slug and self.slug_field == "slug":
                moved = current_for_old_slug(self.get_queryset(), slug)
                if moved is not None:
                    return HttpResponsePermanentRedirect(moved.get_absolute_url())
            raise


class EventListView(FilteredListMixin, FilterView):
    export_url_name = "events:event-export"
    filterset_class = EventFilter
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):
        return Event.objects.published().with_cards().newest_first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["facets"] = self.filterset.facets()
        query = self._query_without_page()
        context["downloads"].append(
            (
                "Calendar (.ics)",
                reverse("events:event-calendar") + (f"?{query}" if query else ""),
            )
        )
        return context


class EventDetailView(CitationMixin, PublishedDetailMixin, DetailView):
    model = Event
    cite_url_name = "events:event-cite"
    build_citation = staticmethod(event_citation)
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return super().get_queryset().with_people()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        context["resolutions"] = event.resolutions.all()  # prefetched, published only
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
    latest_events = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.published().for_theme(self.object)
        by_year = events.count_by_year()
        context["event_count"] = sum(by_year.values())
        context["events"] = events.with_cards().newest_first()[: self.latest_events]
        context["initiatives"] = Initiative.objects.published().filter(themes=self.object)
        context["resolutions"] = self.object.resolutions.published()
        context["chart"] = bar_chart(by_year)
        return context


class InitiativeListView(FilteredListMixin, FilterView):
    export_url_name = "events:initiative-export"
    filterset_class = InitiativeFilter
    template_name = "events/initiative_list.html"
    context_object_name = "initiatives"
    paginate_by = 50

    def get_queryset(self):
        return Initiative.objects.published().with_partners()


class InitiativeDetailView(CitationMixin, PublishedDetailMixin, DetailView):
    model = Initiative
    cite_url_name = "events:initiative-cite"
    build_citation = staticmethod(initiative_citation)
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


class OrganizationListView(FilteredListMixin, FilterView):
    export_url_name = "events:organization-export"
    filterset_class = OrganizationFilter
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


class PersonListView(FilteredListMixin, FilterView):
    export_url_name = "events:person-export"
    filterset_class = PersonFilter
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
