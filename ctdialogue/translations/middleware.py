"""Pages, feeds, exports and the API show each record's texts in the page's language
(when translated); the admin shows and edits them as stored."""

from django.conf import settings

from .registry import showing_translations


class ShowTranslationsMiddleware:
    """Near the end of MIDDLEWARE, so that only the view and its rendering show
    translations (not a scheduled change applied on the way in)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            return self.get_response(request)
        with showing_translations():
            return self.get_response(request)
