"""How the API picks its format; a module of its own, because REST framework imports
it while its views are still being loaded."""

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class JSONUnlessAsked(DefaultContentNegotiation):
    """JSON for a client that accepts nothing the API writes, such as a browser asking
    for HTML, instead of 406: the API has one format, and a researcher opening an
    address in a browser should see the data."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            return renderers[0], renderers[0].media_type
