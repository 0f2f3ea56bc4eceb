from django.conf import settings

from ctdialogue.output.addresses import origin


def site(request):
    """Values every template may use: the site's name and public address."""
    return {"site_name": settings.SITE_NAME, "site_url": origin()}
