from django.conf import settings

from ctdialogue.languages import context as language_context
from ctdialogue.output.addresses import origin


def site(request):
    """Values every template may use: the site's name and public address."""
    return {"site_name": settings.SITE_NAME, "site_url": origin()}


def languages(request):
    """The page's language, direction and the same page in the other languages."""
    return language_context(request)
