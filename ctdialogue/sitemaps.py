"""sitemap.xml and robots.txt (being written)."""

from django.http import HttpResponse

sitemaps = {}


def robots_txt(request):
    return HttpResponse("User-agent: *\nDisallow:\n", content_type="text/plain")
