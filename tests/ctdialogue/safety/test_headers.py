"""The headers that tell browsers what a page may do: a strict Content Security Policy
on every public page (the whole-site URL walk of tests/ctdialogue/test_urls.py), the
admin's own policy, Permissions-Policy, and a Mozilla-Observatory-style grade of the
site under the production HTTPS settings."""

import runpy
from http.cookies import SimpleCookie

import pytest
from django.conf import settings

from ctdialogue.safety.headers import permissions_policy
from tests.ctdialogue.test_urls import body_of, urls_of, world  # noqa: F401
from tests.signing_in import INDEX_URL, LOGIN_URL

pytestmark = pytest.mark.django_db

#: The public policy, written out here rather than read from the settings, so that a
#: weakened setting fails the test.
STRICT = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
}
#: What the API's documentation (Swagger UI) may have beyond it, and nothing more.
SWAGGER_UI = {
    **STRICT,
    "style-src": {"'self'", "'sha256-MMpT0iDxyjALd9PdfepImGX3DBfJPXZ4IlDWdPAgtn0='"},
    "img-src": {"'self'", "data:"},
}


def directives(header: str) -> dict[str, set[str]]:
    policy = {}
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *values = directive.split()
        policy[name] = set(values)
    return policy


def test_every_public_html_page_carries_the_strict_policy(client, world):  # noqa: F811
    wrong = []
    pages = 0
    for name, urls in urls_of(world).items():
        for url in urls:
            response = client.get(url)
            body_of(response)  # a streamed export is read to its end
            if not response.get("Content-Type", "").startswith("text/html"):
                continue
            pages += 1
            expected = SWAGGER_UI if name == "api:docs" else STRICT
            policy = directives(response.get("Content-Security-Policy", ""))
            if policy != expected:
                wrong.append(f"{url} ({name}): {response.get('Content-Security-Policy')}")
            if response.get("Permissions-Policy", "") != permissions_policy(
                settings.PERMISSIONS_POLICY
            ):
                wrong.append(f"{url} ({name}): no Permissions-Policy")
    assert "\n".join(wrong) == ""
    assert pages > 100


def test_page_from_the_cache_keeps_its_own_policy(client):
    first = client.get("/api/docs/")
    again = client.get("/api/docs/")

    assert directives(first["Content-Security-Policy"]) == SWAGGER_UI
    assert directives(again["Content-Security-Policy"]) == SWAGGER_UI
    assert directives(client.get("/")["Content-Security-Policy"]) == STRICT


def test_admin_pages_carry_the_admin_policy(staff_client, settings):
    settings.ADMIN_CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["data:"]}
    }

    admin = staff_client.get(INDEX_URL)
    public = staff_client.get("/")

    assert directives(admin["Content-Security-Policy"]) == {**STRICT, "img-src": {"data:"}}
    assert directives(public["Content-Security-Policy"]) == STRICT


def test_admin_policy_is_as_strict_as_the_public_one(client):
    assert directives(client.get(LOGIN_URL)["Content-Security-Policy"]) == STRICT


def test_uploads_from_another_origin_may_be_shown(client, settings):
    settings.MEDIA_URL = "https://media.example.org/uploads/"

    policy = directives(client.get("/")["Content-Security-Policy"])

    assert policy == {**STRICT, "img-src": {"'self'", "https://media.example.org"}}


def test_photos_from_the_object_store_may_be_shown(client, settings):
    settings.MEDIA_ORIGIN = "https://media.example.org"  # from DJANGO_STORAGE_URL

    policy = directives(client.get("/")["Content-Security-Policy"])

    assert policy == {**STRICT, "img-src": {"'self'", "https://media.example.org"}}


def test_permissions_policy_refuses_the_powerful_features(client):
    header = client.get("/")["Permissions-Policy"]
    features = dict(item.split("=", 1) for item in header.split(", "))

    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()"
    assert features["interest-cohort"] == "()"


# --- A Mozilla-Observatory-style grade ------------------------------------------------

#: The variables of .ci/run's "Deployment checks": a production run behind TLS.
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "observatory-test-key-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "ctdialogue.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://ctdialogue.example.org",
    "DJANGO_SECURE_SSL_REDIRECT": "1",
    "DJANGO_SECURE_COOKIES": "1",
    "DJANGO_SECURE_HSTS_SECONDS": "31536000",
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_SECURE_HSTS_PRELOAD": "1",
}
HOST = "ctdialogue.example.org"
#: The settings the headers and cookies depend on.
HEADER_SETTINGS = (
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_",
    "SESSION_",
    "CSRF_COOKIE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "ADMIN_CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
)
GRADES = ((100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"),
          (60, "C+"), (50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"))  # fmt: skip
SIX_MONTHS = 15_768_000
PRIVATE_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


def production_settings(monkeypatch) -> dict:
    """The settings module run again with the production variables (as .ci/run sets
    them), and the values that shape headers and cookies taken from it."""
    for name, value in PRODUCTION.items():
        monkeypatch.setenv(name, value)
    values = runpy.run_path(str(settings.BASE_DIR / "ctdialogue" / "settings.py"))
    return {name: value for name, value in values.items() if name.startswith(HEADER_SETTINGS)}


def first(rules, otherwise):
    """The result of the first rule whose condition holds, as Observatory reads them."""
    return next((result for holds, result in rules if holds), otherwise)


def csp_score(response) -> tuple[int, int, str]:
    policy = directives(response.get("Content-Security-Policy", ""))
    if not policy:
        return -25, 0, "csp-not-implemented"
    scripts = policy.get("script-src", policy.get("default-src", set()))
    styles = policy.get("style-src", policy.get("default-src", set()))
    every = set().union(*policy.values())
    rules = [
        ("'unsafe-inline'" in scripts, (-20, 0, "csp-implemented-with-unsafe-inline")),
        ("'unsafe-eval'" in scripts, (-10, 0, "csp-implemented-with-unsafe-eval")),
        (
            any(value.startswith("http:") for value in every),
            (-20, 0, "csp-implemented-with-insecure-scheme"),
        ),
        (
            "'unsafe-inline'" in styles,
            (0, 0, "csp-implemented-with-unsafe-inline-in-style-src-only"),
        ),
        (
            policy.get("default-src") == {"'none'"},
            (0, 10, "csp-implemented-with-no-unsafe-default-src-none"),
        ),
    ]
    return first(rules, (0, 0, "csp-implemented-with-no-unsafe"))


def cookie_problem(name, morsel) -> tuple[int, int, str] | None:
    is_session = "sess" in name.lower() or "login" in name.lower()
    rules = [
        (is_session and not morsel["secure"], (-40, 0, "cookies-session-without-secure-flag")),
        (
            is_session and not morsel["httponly"],
            (-30, 0, "cookies-session-without-httponly-flag"),
        ),
        (
            "csrf" in name.lower() and not morsel["samesite"],
            (-20, 0, "cookies-anticsrf-without-samesite-flag"),
        ),
        (not morsel["secure"], (-20, 0, "cookies-without-secure-flag")),
    ]
    return first(rules, None)


def cookie_score(cookies: SimpleCookie) -> tuple[int, int, str]:
    if not cookies:
        return 0, 0, "cookies-not-found"
    problems = [cookie_problem(name, morsel) for name, morsel in cookies.items()]
    worst = min(filter(None, problems), default=None)
    if worst:
        return worst
    if all(morsel["samesite"] for morsel in cookies.values()):
        return 0, 5, "cookies-secure-with-httponly-sessions-and-samesite"
    return 0, 0, "cookies-secure-with-httponly-sessions"


def hsts_score(response) -> tuple[int, int, str]:
    fields = dict(
        [*part.strip().split("=", 1), ""][:2]
        for part in response.get("Strict-Transport-Security", "").split(";")
        if part.strip()
    )
    if "max-age" not in fields:
        return -20, 0, "strict-transport-security-not-implemented"
    if int(fields["max-age"]) < SIX_MONTHS:
        return -10, 0, "strict-transport-security-implemented-max-age-less-than-six-months"
    # Observatory's +5 is for a host on Chromium's preload list, which asking for it in
    # the header does not make true: not counted.
    return 0, 0, "strict-transport-security-implemented-max-age-at-least-six-months"


def redirect_score(plain_response, https_url) -> tuple[int, int, str]:
    location = plain_response.get("Location", "")
    if plain_response.status_code not in {301, 302, 307, 308}:
        return -20, 0, "redirection-missing"
    if location != https_url:
        return -20, 0, "redirection-not-to-https"
    return 0, 0, "redirection-to-https"


def header_scores(page) -> list[tuple[int, int, str]]:
    referrer = page.get("Referrer-Policy", "")
    policy = directives(page.get("Content-Security-Policy", ""))
    acao = page.get("Access-Control-Allow-Origin", "")
    scores = [
        (0, 5, "referrer-policy-private")
        if set(referrer.split(",")) <= PRIVATE_REFERRERS and referrer
        else (0, 0, "referrer-policy-not-implemented"),
        (0, 0, "x-content-type-options-nosniff")
        if page.get("X-Content-Type-Options") == "nosniff"
        else (-5, 0, "x-content-type-options-not-implemented"),
        (0, 5, "x-frame-options-implemented-via-csp")
        if "frame-ancestors" in policy
        else (0, 0, "x-frame-options-sameorigin-or-deny")
        if page.get("X-Frame-Options") in {"DENY", "SAMEORIGIN"}
        else (-20, 0, "x-frame-options-not-implemented"),
        # Every script is the site's own ('self' only): nothing to check integrity of.
        (0, 0, "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"),
        (-50, 0, "cross-origin-resource-sharing-implemented-with-universal-access")
        if acao == "*" and page.get("Access-Control-Allow-Credentials") == "true"
        else (0, 0, "cross-origin-resource-sharing-not-implemented"),
    ]
    return scores


def grade(scores: list[tuple[int, int, str]]) -> tuple[int, str]:
    """Observatory's sum: 100 plus the penalties; bonuses only count when the score
    without them is at least 90."""
    score = 100 + sum(penalty for penalty, _bonus, _name in scores)
    if score >= 90:
        score += sum(bonus for _penalty, bonus, _name in scores)
    return score, next((letter for floor, letter in GRADES if score >= floor), "F")


def test_site_grades_a_plus_on_an_observatory_style_check(client, superuser, monkeypatch):
    """A Mozilla-Observatory-style check (the MDN HTTP Observatory's published scoring
    table, https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring),
    with the settings production gets from .ci/run's deployment-check variables.

    Start at 100; penalties: no CSP -25, CSP with unsafe-inline -20 (unsafe-eval -10,
    http: sources -20); session cookie without Secure -40 or HttpOnly -30, anti-CSRF
    cookie without SameSite -20, other cookie without Secure -20; no redirect from http
    -20, a redirect that is not to https on the same host -20; no HSTS -20, HSTS under
    six months -10; no X-Content-Type-Options: nosniff -5; no X-Frame-Options nor
    frame-ancestors -20; CORS with universal access and credentials -50. Bonuses, only
    when the score is already at least 90: CSP with default-src 'none' +10 (ours says
    'self': 0), cookies Secure, HttpOnly and SameSite +5, a private Referrer-Policy +5,
    framing forbidden by CSP frame-ancestors +5 (HSTS preload +5 needs the host on
    Chromium's preload list: not counted). SRI is not required of same-origin scripts.
    Grades: A+ from 100, A from 90, B from 70, ..., F below 25.

    Before this, the site graded B (75): no CSP (-25), no bonus.
    """
    with pytest.MonkeyPatch.context() as env:
        production = production_settings(env)
    monkeypatch.setattr(settings, "DEBUG", False)
    for name, value in production.items():
        monkeypatch.setattr(settings, name, value)
    https = {"HTTP_HOST": HOST, "secure": True}

    home = client.get("/", **https)
    plain = client.get("/", HTTP_HOST=HOST)
    login_page = client.get(LOGIN_URL, **https)
    signed_in = client.post(
        LOGIN_URL,
        {"username": superuser.username, "password": "correct horse battery", "next": INDEX_URL},
        **https,
    )
    cookies = SimpleCookie()
    for response in (home, login_page, signed_in):
        cookies.update(response.cookies)
    scores = [
        csp_score(home),
        cookie_score(cookies),
        hsts_score(home),
        redirect_score(plain, f"https://{HOST}/"),
        *header_scores(home),
    ]

    assert signed_in.status_code == 302
    assert {"sessionid", "csrftoken"} <= set(cookies)
    assert grade(scores) == (115, "A+"), scores
    assert [name for penalty, _bonus, name in scores if penalty] == []


def test_observatory_grade_falls_without_the_policy():
    """The scoring itself: the old headers (no CSP, no frame-ancestors) give a B."""

    class Old(dict):
        status_code = 200

    old = Old({"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"})
    scores = [csp_score(old), (0, 0, "cookies-not-found"), *header_scores(old)]

    assert grade(scores) == (75, "B")
