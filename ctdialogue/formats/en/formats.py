"""English, written as in Britain (as the site's texts are): "21 Dec 2017" in the
admin, day before month in forms. The language code stays "en", the address and
hreflang of the original; only the formats come from Django's en_GB."""

from django.conf.locale.en_GB.formats import *  # noqa: F403
