"""The site search page: /search/?q= over every kind of content the site declares."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ctdialogue.pages.filters import is_tracking, no_words_note, unknown_parameter

from .engine import search_everything
from .query import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search events, themes, initiatives, stakeholders, speakers and resolutions"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Your search is too long (at most %(limit_value)d characters; "
                "it has %(show_value)d). Please shorten it."
            ),
            "null_characters_not_allowed": _(
                "Your search contains a NUL character, which cannot be searched for. "
                "Please remove it."
            ),
        },
    )

    def clean(self):
        cleaned = super().clean()
        for name in self.data:
            if name not in self.fields and not is_tracking(name):
                self.add_error(None, unknown_parameter(name, gettext("the search"), self.fields))
        return cleaned

    @property
    def shown_query(self) -> str:
        """What to put back in the box: what was typed, without NULs, at most the limit."""
        value = self.data.get("q", "") if self.is_bound else ""
        return " ".join(value.replace("\x00", "").split())[:MAX_QUERY_LENGTH]


class SearchView(TemplateView):
    template_name = "search.html"
    #: The kinds of content searched, in the order their groups are shown.
    sources = ()

    def render_to_response(self, context, **response_kwargs):
        """A search that could not be understood is shown with its message, as 400."""
        if context["form"].errors:
            response_kwargs.setdefault("status", 400)
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        form.is_valid()  # cleaned_data: what could be used; errors: the rest
        query = form.cleaned_data.get("q", "")
        groups = search_everything(query, self.sources) if query else []
        context.update(
            form=form,
            query=query,
            note=no_words_note(query),
            groups=groups,
            total=sum(group.count for group in groups),
            max_query_length=MAX_QUERY_LENGTH,
        )
        return context
