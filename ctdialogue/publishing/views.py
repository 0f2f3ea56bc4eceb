"""Detail pages of publishable records: what the public may see, what staff may preview."""

from django.http import Http404, HttpResponsePermanentRedirect

from .identifiers import current_for_old_slug


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
