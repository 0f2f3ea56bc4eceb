"""Rich text: written in TinyMCE (served from our static files), stored only after the
allowlist sanitiser, rendered through it again. No script survives either step."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from tinymce.widgets import AdminTinyMCE

from ctdialogue.safety.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES
from ctdialogue.safety.richtext import RICH_TEXT_FIELDS, clean_rich_text
from events.models import Event
from tests.admin_forms import admin_url
from tests.factories import EventFactory
from tests.uploads import errors_of, event_form_data

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<<script>script>alert(1)<</script>/script>",
    "<img src=x onerror=alert(1)>",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">javascript link</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="  javascript:alert(1)">leading spaces</a>',
    '<a href="jav&#x09;ascript:alert(1)">tab entity</a>',
    '<a href="jav&#x0A;ascript:alert(1)">newline entity</a>',
    '<a href="jav\tascript:alert(1)">raw tab</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">decimal</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">hex and named entities</a>',
    '<a href="&#0000106avascript:alert(1)">padded entity</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">upper-case data</a>',
    '<a href="vbscript:msgbox(1)">vbscript</a>',
    '<a href="https://www.un.org/" onmouseover="alert(1)">handler on an allowed link</a>',
    '<p style="background:url(javascript:alert(1))">style attribute</p>',
    '<p onclick="alert(1)">click handler</p>',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    "<style>body { display: none }</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
    "<details open ontoggle=alert(1)>details</details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table>"
    "</mtext></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<p>Text <a href="https://www.un.org/" target="_blank" class="x" id="y">kept link</a></p>',
]


class _Markup(HTMLParser):
    """Every element and attribute of an HTML fragment."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_only_allowed_markup(html):
    assert "<script" not in html.lower()
    markup = _Markup()
    markup.feed(html)
    for tag, attrs in markup.elements:
        assert tag in ALLOWED_TAGS, tag
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        assert set(attrs) <= allowed, (tag, attrs)
        for name in ("href", "cite"):
            if attrs.get(name):
                assert urlsplit(attrs[name]).scheme in ALLOWED_URL_SCHEMES | {""}, attrs


def prose_of(page):
    """The rendered body of the event page: sanitised HTML has no <div> of its own."""
    return re.search(r'<div class="prose">(.*?)</div>', page, re.DOTALL).group(1)


def lead_of(page):
    """The rendered summary, or "" when nothing of it survived the sanitiser."""
    found = re.search(r'<div class="lead">(.*?)</div>', page, re.DOTALL)
    return found.group(1) if found else ""


def test_xss_payload_list_is_long_enough():
    assert len(XSS_PAYLOADS) >= 20


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_event_body_with_xss_payload_is_stored_and_rendered_safely(staff_client, client, payload):
    body = f"<p>Before.</p>{payload}<p>After.</p>"
    # Ticked: the content checks may flag the payload; the sanitiser is under test.
    data = event_form_data(summary=payload, body=body, integrity_confirmed="on")

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302, errors_of(response)
    event = Event.objects.get()
    assert_only_allowed_markup(event.body)
    assert_only_allowed_markup(event.summary)
    assert "<p>Before.</p>" in event.body
    assert "<p>After.</p>" in event.body
    page = client.get(event.get_absolute_url()).content.decode()
    assert_only_allowed_markup(prose_of(page))
    assert_only_allowed_markup(lead_of(page))
    assert prose_of(page) == event.body


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_event_page_with_unsanitised_stored_body_renders_it_safely(client, payload):
    # Stored without the admin (an import, the shell): the output filter still cleans.
    event = EventFactory(body=f"<p>Stored.</p>{payload}", summary=payload)

    page = client.get(event.get_absolute_url()).content.decode()

    assert_only_allowed_markup(prose_of(page))
    assert_only_allowed_markup(lead_of(page))
    assert "<p>Stored.</p>" in prose_of(page)


ALLOWED_FORMATTING = (
    "<h2>Outcomes</h2>"
    "<h3>Digital evidence</h3>"
    "<h4>Next steps</h4>"
    "<p><strong>Bold</strong>, <b>b</b>, <em>italic</em> and <i>i</i>, "
    '<abbr title="Counter-Terrorism Committee Executive Directorate">CTED</abbr>, '
    '<q cite="https://www.un.org/">a short quotation</q> from <cite>a report</cite>.<br>'
    'A link to <a href="https://www.un.org/securitycouncil/ctc/" title="CTC">the committee</a> '
    'and <a href="mailto:press@example.org">the press office</a>.</p>'
    "<ul><li>One</li><li>Two</li></ul>"
    "<ol><li>First</li><li>Second</li></ol>"
    "<blockquote><p>Quoted words.</p></blockquote>"
)


@pytest.mark.django_db
def test_event_body_with_allowed_formatting_keeps_it(staff_client, client):
    data = event_form_data(body=ALLOWED_FORMATTING)

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302, errors_of(response)
    event = Event.objects.get()
    expected = ALLOWED_FORMATTING.replace(
        '" title="CTC">', '" title="CTC" rel="noopener noreferrer nofollow">'
    ).replace('org">the press', 'org" rel="noopener noreferrer nofollow">the press')
    assert event.body == expected
    assert prose_of(client.get(event.get_absolute_url()).content.decode()) == expected


@pytest.mark.parametrize(
    ("submitted", "stored"),
    [
        ("", ""),
        ("<p></p>", ""),
        ("<p>&nbsp;</p>", ""),
        ("  <p>Text</p>\n", "<p>Text</p>"),
        ("Plain words", "Plain words"),
    ],
)
def test_clean_rich_text_with_empty_editor_output_stores_nothing(submitted, stored):
    assert clean_rich_text(submitted) == stored


# --- The editor ------------------------------------------------------------------


def test_tinymce_scripts_are_our_static_files():
    sources = re.findall(r'src="([^"]+)"', str(AdminTinyMCE().media))

    assert f"{settings.STATIC_URL}tinymce/tinymce.min.js" in sources
    assert all(source.startswith(settings.STATIC_URL) for source in sources), sources
    assert finders.find("tinymce/tinymce.min.js")
    assert settings.TINYMCE_COMPRESSOR is False


def test_tinymce_valid_elements_match_the_sanitiser():
    tags, attributes = set(), {}
    for rule in settings.TINYMCE_DEFAULT_CONFIG["valid_elements"].split(","):
        names, _, attrs = rule.partition("[")
        for name in names.split("/"):  # "strong/b": either, stored as the first
            tags.add(name)
            if attrs:
                attributes[name] = set(attrs.rstrip("]").split("|"))

    assert tags == ALLOWED_TAGS
    assert attributes == ALLOWED_ATTRIBUTES


def test_tinymce_toolbar_offers_headings_emphasis_lists_links_quotes_and_undo():
    config = settings.TINYMCE_DEFAULT_CONFIG
    toolbar = config["toolbar"].split()

    assert config["menubar"] is False
    for button in ("undo", "redo", "blocks", "bold", "italic", "bullist", "numlist", "link"):
        assert button in toolbar
    assert "blockquote" in toolbar
    assert config["block_formats"] == "Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("label", "fields"), sorted(RICH_TEXT_FIELDS.items()), ids=sorted(RICH_TEXT_FIELDS)
)
def test_admin_rich_text_field_uses_tinymce(superuser, label, fields):
    model_admin = next(
        ma for model, ma in admin.site._registry.items() if model._meta.label == label
    )
    request = RequestFactory().get("/")
    request.user = superuser

    form = model_admin.get_form(request)()

    for name in fields:
        assert isinstance(form.fields[name].widget, AdminTinyMCE), name


@pytest.mark.django_db
def test_event_add_page_loads_the_editor_from_static_files(staff_client):
    page = staff_client.get(admin_url(Event, "add")).content.decode()

    assert f'src="{settings.STATIC_URL}tinymce/tinymce.min.js"' in page
    assert 'name="body"' in page
    assert 'class="vLargeTextField tinymce"' in page
    assert "cdn." not in page
    assert "tiny.cloud" not in page
