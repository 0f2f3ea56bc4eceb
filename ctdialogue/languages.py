"""Languages: the interface's (one address per language, a switcher that keeps the page
and its filters, the visitor's language guessed only on a first visit, the admin's),
the language each record text is written in, and the language of the API's answers.

English, the original, is at addresses without a prefix (/events/); every other
offered language (``settings.LANGUAGES``) has its prefix (/fr/events/). Django's
LocaleMiddleware reads the language from the address. A visitor who has never chosen
(no language cookie) and opens the home page is sent to the home page in the first
offered language their browser asks for; after that the address decides, and the
switcher records a choice in the cookie, so nobody is sent away from a page they
asked for.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import (
    activate,
    get_language,
    get_language_bidi,
    get_language_from_path,
    get_language_from_request,
    get_language_info,
    get_supported_language_variant,
    override,
)
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache

from ctdialogue.output.addresses import absolute
from ctdialogue.translations.registry import DJANGO_CODES, shown_language

HOME = "/"


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str  # in the language itself
    path: str  # this page in that language, with the same filters
    url: str  # the same, absolute
    current: bool


def alternates(request) -> list[Alternate]:
    """This page in every offered language (the switcher, hreflang)."""
    here = request.get_full_path()
    current = get_language()
    found = []
    for code, name in settings.LANGUAGES:
        path = translate_url(here, code)
        found.append(Alternate(code, name, path, absolute(path), code == current))
    return found


def context(request):
    """Template context: the page's language and direction, and its alternates (none
    while only one language is offered)."""
    offered = len(settings.LANGUAGES) > 1
    found = alternates(request) if offered else []
    default = next((a for a in found if a.code == settings.LANGUAGE_CODE), None)
    return {
        "page_direction": "rtl" if get_language_bidi() else "ltr",
        "language_alternates": found,
        "language_default_url": default.url if default else "",
    }


class FirstVisitLanguageMiddleware:
    """On a first visit to the home page, the visitor's language (Accept-Language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != HOME or len(settings.LANGUAGES) < 2:
            return self.get_response(request)
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            wanted = get_language_from_request(request)
            if wanted != settings.LANGUAGE_CODE:
                response = HttpResponseRedirect(translate_url(HOME, wanted))
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                response["Cache-Control"] = "private, no-cache"
                return response
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


class AdminLanguageMiddleware:
    """The admin, which has no language prefix, in the language its user chose with
    the switcher (the cookie), else the first offered one the browser asks for. Django's
    own catalogues translate the admin's screens, ours the rest; Arabic runs right to
    left. After LocaleMiddleware, which gives every address without a prefix English."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            return self.get_response(request)
        language = get_language_from_request(request, check_path=False)
        activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


@never_cache
def switch_language(request, code):
    """/language/fr/?next=/events/%3Ftheme=x: the page in French, and the choice kept."""
    if code not in dict(settings.LANGUAGES):
        code = settings.LANGUAGE_CODE
    wanted = request.GET.get("next", HOME)
    if not wanted.startswith("/") or not url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}
    ):
        wanted = HOME
    # The address is read in its own language (/fr/... in French), then translated.
    with override(get_language_from_path(wanted) or settings.LANGUAGE_CODE):
        response = HttpResponseRedirect(translate_url(wanted, code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


# --- The language of the texts a page shows ------------------------------------
#
# A page's interface is in the page's language; a record's texts are in the language
# the record declares (``language``: English for the demo's records), a quotation's in
# its own. Wherever the two differ, the text carries its language and is isolated from
# the text around it, so that an English title on an Arabic page is read with English
# rules and keeps its full stop on its own side.

#: Language codes the UN uses for its six languages, as HTML's lang attribute wants them.
UN_TO_HTML = {"zh": "zh-Hans"}
RIGHT_TO_LEFT = {"ar"}

#: Languages that write the name of a language in lower case inside a sentence
#: ("anglais"), where Django's catalogues give it as a label ("Anglais").
LOWER_CASE_NAMES = {"fr", "es", "ru"}


def language_name(code: str) -> str:
    """The name of a language (a UN or Django code) as a sentence in the active language
    writes it: "English", "anglais", "الإنجليزية"."""
    name = str(get_language_info(DJANGO_CODES.get(code, code).lower())["name_translated"])
    return name.lower() if get_language() in LOWER_CASE_NAMES else name


def html_language(code: str) -> str:
    return UN_TO_HTML.get(code, code)


def record_language(obj) -> str:
    """The language a record's texts are written in (its ``language``, a UN code), as
    HTML names it; the site's original language for anything that does not say."""
    declared = getattr(obj, "language", "") or settings.LANGUAGE_CODE
    return html_language(declared)


def text_language(obj, field: str) -> str:
    """The language ``obj.<field>`` is shown in on this page, as HTML names it: its
    translation's when it has one in the page's language, else its original's (the
    field's own ``<field>_language``, as a quotation has, else the record's)."""
    if hasattr(obj, "_meta"):
        return html_language(shown_language(obj, field))
    declared = getattr(obj, f"{field}_language", "")
    return html_language(declared) if declared else record_language(obj)


def direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in RIGHT_TO_LEFT else "ltr"


def is_page_language(language: str) -> bool:
    return language.lower() == (get_language() or settings.LANGUAGE_CODE).lower()


# --- The language of data (the API) ----------------------------------------------

#: The query parameter that asks for a language: ?lang=fr.
LANGUAGE_PARAMETER = "lang"


def offered_language(code: str) -> str | None:
    """``code`` as an offered language ("zh-Hans" -> "zh-hans"), or None."""
    codes = {code.lower(): code for code, _name in settings.LANGUAGES}
    return codes.get(code.strip().lower())


def data_language(request) -> str:
    """The language a response of data is written in: ?lang= when it names an offered
    language, else the first offered one the Accept-Language header asks for, else the
    original. (A ?lang= naming no offered language is refused by the caller.)"""
    asked = offered_language(request.GET.get(LANGUAGE_PARAMETER, ""))
    if asked:
        return asked
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE
