"""English, written as in Britain (as the site's texts are): day before month, short
dates in the admin's lists ("21 Dec 2017"), a date with its time in words on the
24-hour clock. The language code stays "en", the address and hreflang of the
original; the rest comes from Django's en_GB. Pages write a day in words with
``ctdialogue.output.dates.day_month_year``."""

from django.conf.locale.en_GB.formats import *  # noqa: F403

DATETIME_FORMAT = "j F Y, H:i"
