from django.conf import settings


def site(request):
    """Values every template may use: the site's name and public address."""
    return {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL}
