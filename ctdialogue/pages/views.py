"""What every public list page shares: forgiving pagination, and the messages, chips
and download links of a filtered list; and the bounded lists of detail pages."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext

#: How many items a list on a detail page shows before "All N ..." links to the rest.
BOUNDED_LIST = 10


@dataclass(frozen=True)
class Bounded:
    """The first items of a list that may be long, how many there are in all, and the
    address of the whole list: a page never grows with the size of the record."""

    items: list
    total: int
    url: str

    @property
    def more(self) -> bool:
        return self.total > len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


def bounded(queryset, list_url_name: str, limit: int = BOUNDED_LIST, **filters) -> Bounded:
    """``queryset``'s first ``limit`` records, and a link to the list page with
    ``filters`` for all of them. Counts only when there are more than ``limit``."""
    items = list(queryset[: limit + 1])
    total = queryset.count() if len(items) > limit else len(items)
    url = reverse(list_url_name) + (f"?{urlencode(filters)}" if filters else "")
    return Bounded(items[:limit], total, url)


class ForgivingPaginationMixin:
    """A page number that is not a number, or past the end, shows the nearest
    real page with a message instead of an error page."""

    page_problem = ""
    #: The status of a page with a page problem: 400 for a page number that is not
    #: one, 404 for one past the end (as the API answers).
    page_status = 200

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
            self.page_problem = gettext(
                "Page: “%(value)s” is not a page number; the first page is shown."
            ) % {"value": shown}
            self.page_status = 400
        else:
            if number < 1:
                number = 1
                self.page_problem = gettext(
                    "Page: page numbers start at 1; the first page is shown."
                )
                self.page_status = 400
            elif number > paginator.num_pages:
                self.page_status = 404
                self.page_problem = gettext(
                    "Page: there is no page %(number)s; the last page (%(last)s) is shown."
                ) % {"number": number, "last": paginator.num_pages}
                number = paginator.num_pages
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()


class FilteredListMixin(ForgivingPaginationMixin):
    """A django-filter list that shows what it can and says what it could not use."""

    #: Read by django-filter's FilterView: with a value that does not parse, list what
    #: the other filters select (the default, strict, would list nothing at all).
    strict = False
    export_url_name = ""
    #: One row of the list in words ("stakeholder"), for its count and its filters.
    list_noun = ""

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
        context["notes"] = self.filterset.notes
        context["active_filters"] = self.filterset.active_filters()
        context["query_without_page"] = self._query_without_page()
        return context

    def render_to_response(self, context, **response_kwargs):
        """A list asked for something it could not use shows what it can, with the
        message, as HTTP 400 (404 for a page past the end): the same contract as the
        API, exports and feeds."""
        if self.filterset.problems:
            response_kwargs.setdefault("status", 400)
        elif self.page_problem:
            response_kwargs.setdefault("status", self.page_status)
        return super().render_to_response(context, **response_kwargs)

    def _query_without_page(self):
        data = self.filterset.data.copy() if self.filterset.data is not None else None
        if data is None:
            return ""
        data.pop("page", None)
        return data.urlencode()
