"""One search over every kind of record: what matches, in what order, with which
snippet; the same matcher behind the site search, every list's q and the API."""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from ctdialogue.search.documents import LANGUAGES
from ctdialogue.search.engine import MARK_START, MARK_STOP, matches, render_marked
from ctdialogue.search.query import parse_query
from ctdialogue.translations.registry import showing_translations
from events.filters import EventFilter
from events.models import Event
from tests.factories import (
    ContributionFactory,
    EventFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    ResolutionFactory,
    ThemeFactory,
)
from tests.searching import ALL_KINDS, make_one_of_each, search, search_all

pytestmark = pytest.mark.django_db


# --- Results --------------------------------------------------------------------


def test_search_everything_finds_every_kind_grouped_in_order():
    objects = make_one_of_each("Zeppelin")
    EventFactory(title="Unrelated workshop")

    groups = search_all("zeppelin")

    assert [group.key for group in groups] == ALL_KINDS
    assert [group.count for group in groups] == [1] * 6
    assert [group.results[0].url for group in groups] == [o.get_absolute_url() for o in objects]
    assert groups[0].results[0].title == "Zeppelin workshop 0"
    assert groups[4].results[0].title == "Ms. Zeppelin Speaker 0"
    assert groups[5].results[0].title.startswith(f"S/RES/{objects[5].number} (2017): Zeppelin")


def test_search_finds_words_in_every_searched_field():
    EventFactory(title="A", summary="", venue="Zeppelin hall")
    EventFactory(title="B", summary="", city="Zeppelinburg x")
    EventFactory(title="C", summary="", body="<p>On zeppelin safety</p>")
    InitiativeFactory(name="D", acronym="ZEPPELIN")
    OrganizationFactory(name="E", description="Builds zeppelin parts.")
    PersonFactory(name="F", position="Zeppelin pilot")
    ThemeFactory(name="G", description="All about the zeppelin.")
    ResolutionFactory(title="H", agenda_item="Zeppelin threats")

    counts = {group.key: group.count for group in search_all("zeppelin")}

    expected = {"events": 2, "initiatives": 1, "organizations": 1, "people": 1, "themes": 1}
    expected["resolutions"] = 1
    if connection.vendor != "postgresql":
        expected["events"] = 3  # icontains also finds "Zeppelinburg"; the stemmer does not
    assert counts == expected


@pytest.mark.parametrize("consent", [False, True])
def test_search_never_looks_into_biographies(consent):
    """A biography is shown only with consent; searching it would reveal it anyway."""
    PersonFactory(name="F", bio="Flew a zeppelin.", consent_to_publish=consent)

    assert search_all("zeppelin") == []


def test_search_shows_the_published_organisation_of_a_speaker():
    PersonFactory(
        name="Zeppelin Speaker 1",
        position="Director",
        organization=OrganizationFactory(name="Airships Office", acronym="AO"),
    )
    PersonFactory(
        name="Zeppelin Speaker 2",
        position="Adviser",
        organization=OrganizationFactory(name="Unannounced Office", draft=True),
    )

    [group] = search_all("zeppelin")

    assert [result.meta for result in group.results] == ["Director, AO", "Adviser"]


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_search_never_shows_drafts_or_scheduled_items(client, trait):
    make_one_of_each("Zeppelin", **{trait: True})

    response, html = search(client, q="zeppelin")

    assert search_all("zeppelin") == []
    assert response.context["groups"] == []
    assert "Nothing published matches “zeppelin”." in html
    assert "Zeppelin workshop" not in html


def test_search_ranks_a_title_match_before_a_body_only_match():
    body_only = EventFactory(
        title="Regional workshop",
        summary="",
        body="<p>A long day on zeppelin regulation.</p>",
        start_date=datetime.date(2024, 5, 1),
        end_date=None,
    )
    in_title = EventFactory(
        title="Zeppelin regulation workshop",
        summary="",
        start_date=datetime.date(2015, 5, 1),
        end_date=None,
    )

    [events] = search_all("zeppelin")

    assert [result.url for result in events.results] == [
        in_title.get_absolute_url(),
        body_only.get_absolute_url(),
    ]


def test_search_without_ranking_difference_shows_newest_first():
    older = EventFactory(title="Zeppelin 1", start_date=datetime.date(2016, 1, 1), end_date=None)
    newer = EventFactory(title="Zeppelin 2", start_date=datetime.date(2019, 1, 1), end_date=None)

    [events] = search_all("zeppelin")

    assert [r.url for r in events.results] == [newer.get_absolute_url(), older.get_absolute_url()]


def test_search_requires_every_word():
    both = EventFactory(title="Zeppelin and airship", summary="")
    EventFactory(title="Zeppelin only", summary="")

    [events] = search_all("zeppelin airship")

    assert [r.url for r in events.results] == [both.get_absolute_url()]


def test_search_leaves_out_words_after_a_minus_sign():
    kept = EventFactory(title="Zeppelin in Bangkok", city="Bangkok", summary="")
    EventFactory(title="Zeppelin in Doha", city="Doha", summary="")

    [events] = search_all("zeppelin -doha")

    assert [r.url for r in events.results] == [kept.get_absolute_url()]


def test_search_limits_each_group_and_links_to_all_events(client):
    for n in range(11):
        EventFactory(title=f"Zeppelin workshop {n}")
    ThemeFactory(name="Zeppelin theme")

    [events, themes] = search_all("zeppelin")
    _response, html = search(client, q="zeppelin")

    assert (events.count, len(events.results), events.has_more) == (11, 10, True)
    assert events.more_url == "/events/?q=zeppelin"
    assert (themes.count, themes.has_more) == (1, False)
    assert '<a href="/events/?q=zeppelin">See all 11 events matching “zeppelin”' in html


# --- Resolutions by number or symbol ---------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["2396", "S/RES/2396 (2017)", "2396 (2017)", "s/res/2396(2017)", "Resolution 2396"],
)
def test_search_for_a_resolution_number_or_symbol_puts_it_first(client, query):
    resolution = ResolutionFactory(number=2396, year=2017, title="Foreign terrorist fighters")
    ResolutionFactory(number=2395, year=2017, title="CTED mandate, see also 2396 (2017)")
    EventFactory(title="Workshop on resolution 2396", summary="S/RES/2396 (2017) and 2396")

    groups = search_all(query)
    _response, html = search(client, q=query)

    assert groups[0].key == "resolutions"
    first = groups[0].results[0]
    assert (first.url, first.exact) == (resolution.get_absolute_url(), True)
    assert first.title == "S/RES/2396 (2017): Foreign terrorist fighters"
    assert "Exact match" in html
    assert re.findall(r'<h2 id="results-(\w+)"', html)[0] == "resolutions"


def test_search_for_a_symbol_with_another_year_is_not_an_exact_match():
    ResolutionFactory(number=2396, year=2017, title="Foreign terrorist fighters")

    groups = search_all("S/RES/2396 (2016)")

    assert all(not result.exact for group in groups for result in group.results)


def test_search_for_a_draft_resolution_number_finds_nothing():
    ResolutionFactory(number=2396, year=2017, draft=True)

    assert search_all("2396") == []


# --- Snippets --------------------------------------------------------------------


def test_search_snippet_marks_the_match_and_escapes_stored_html():
    EventFactory(
        title="Regional workshop",
        summary="Tom and Jerry <i>zeppelin</i> fans & friends <script>alert('x')</script>",
        body="<p>Nothing else.</p>",
    )

    [events] = search_all("zeppelin")
    snippet = events.results[0].snippet

    assert "Jerry <mark>zeppelin</mark> fans &amp; friends" in snippet
    assert "<script" not in snippet
    assert "<i>" not in snippet
    assert "alert('x')" not in snippet  # dropped, or escaped by PostgreSQL's headline


def test_search_snippet_of_a_long_text_starts_near_the_match():
    before = " ".join(f"before{n}" for n in range(200))
    after = " ".join(f"after{n}" for n in range(200))
    EventFactory(title="Regional workshop", summary="", body=f"<p>{before} zeppelin {after}</p>")

    [events] = search_all("zeppelin")
    snippet = str(events.results[0].snippet)

    assert "<mark>zeppelin</mark>" in snippet
    assert "before0 " not in snippet
    assert "after199" not in snippet
    assert len(snippet) < 400


def test_render_marked_escapes_and_balances_markers():
    text = f"<b>{MARK_START}a&b{MARK_STOP}</b> stray{MARK_STOP} {MARK_START}open"

    assert render_marked(text) == "&lt;b&gt;<mark>a&amp;b</mark>&lt;/b&gt; stray <mark>open</mark>"


# --- Bad input -------------------------------------------------------------------


# --- Queries and indexes ---------------------------------------------------------


@pytest.mark.parametrize(
    "factory",
    [
        EventFactory,
        ThemeFactory,
        InitiativeFactory,
        OrganizationFactory,
        PersonFactory,
        ResolutionFactory,
        ContributionFactory,
    ],
)
def test_search_condition_is_answered_by_each_languages_gin_indexes_on_postgresql(factory):
    if connection.vendor != "postgresql":
        pytest.skip("GIN indexes exist on PostgreSQL only.")
    model = factory._meta.model
    factory(**{model.search_document[0][0]: "Zeppelin"})
    with connection.cursor() as cursor:
        # Without sequential or plain index scans, a bitmap scan of the GIN indexes is
        # the only way to answer the condition, if (and only if) each index stores the
        # very expression the search builds for its language.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")

    plan = model._base_manager.filter(matches(model, parse_query("zeppelin 反恐"))).explain()

    name = model._meta.model_name
    for language in LANGUAGES:
        assert f"Bitmap Index Scan on {name}_search_{language}_idx" in plan
        assert f"Bitmap Index Scan on {name}_translated_{language}_idx" in plan


# --- One search: /search/, the lists' q and the API agree -------------------------


@pytest.fixture
def demo_content():
    call_command("load_demo", verbosity=0)


def test_a_word_of_a_quotation_finds_it_and_shows_it_as_the_snippet(client, demo_content):
    page = client.get("/search/", {"q": "exploit"}).content.decode()

    assert "2nd Asia ICT and CT Dialogue" in page
    assert "<mark>exploit</mark> the Internet and social media" in page
    assert "Mr. Andrei Kovalenko" in page


def test_a_quotation_under_the_chatham_house_rule_is_found_but_not_attributed():
    event = EventFactory(title="Closed session")
    ContributionFactory(
        event=event,
        person=PersonFactory(name="Unnamed Speaker"),
        quotation="Platforms must cooperate with prosecutors.",
        chatham_house_rule=True,
    )

    [events] = search_all("prosecutors")

    assert [result.title for result in events.results] == ["Closed session"]
    assert "Unnamed Speaker" not in events.results[0].snippet
    assert "A participant (Chatham House rule)" in events.results[0].snippet


def test_a_draft_speakers_quotation_finds_nothing():
    ContributionFactory(event=EventFactory(), person=PersonFactory(draft=True), quotation="Zyx.")

    assert search_all("zyx") == []


# Ten and more queries, with the number of demo events each finds: the same on SQLite
# and PostgreSQL, through the site search, the events list and the API.
QUERIES = {
    "evidence": 1,
    "digital evidence": 1,
    '"digital evidence"': 1,
    "evidence -bangkok": 1,
    "bangkok or jeju": 2,
    "workshops": 3,
    "exploit": 1,
    '"social media" -jeju': 1,
    "dialogue -": 3,  # a minus sign with nothing after it
    "counter-terrorism committee": 1,
    "prosecutors or platforms -bangkok": 1,
    "zeppelin": 0,
}


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_site_search_events_list_and_api_agree_on_every_query(
    client, demo_content, query, expected
):
    [group] = [g for g in search_all(query) if g.key == "events"] or [None]
    listed = EventFilter(QueryDict(urlencode({"q": query})), queryset=Event.objects.public())
    api = client.get("/api/events/", {"q": query}).json()
    page = client.get("/events/", {"q": query}).content.decode()

    assert (group.count if group else 0) == expected
    assert listed.problems == []
    assert listed.qs.count() == expected
    assert api["count"] == expected
    assert sorted(event["title"] for event in api["results"]) == sorted(
        event.title for event in listed.qs
    )
    if group:
        assert (
            f"See all {group.count_display}"
            in client.get("/search/", {"q": query}).content.decode()
        )
    assert f'<p class="result-count" role="status">{expected} event' in page


# --- Each record in its own language ------------------------------------------------

# One event written in each language, and a query in that language that finds it by
# another form of a word (a stem), by the word without its article (Arabic) or inside
# a longer run of characters (Chinese).
WRITTEN_IN = {
    "en": ("Workshop on terrorist use of the internet", "Terrorists online", "internet"),
    "fr": ("Atelier sur les preuves numériques", "Les terroristes exploitent", "terrorisme"),
    "es": ("Taller sobre pruebas digitales", "Cooperación entre fiscales", "prueba"),
    "ru": ("Семинар о цифровых доказательствах", "Сотрудничество прокуроров", "доказательство"),  # noqa: RUF001
    "ar": ("ورشة عمل بشأن مكافحة الإرهاب", "التعاون بين المدعين العامين", "إرهاب"),
    "zh": ("关于反恐怖主义的研讨会", "检察官之间的合作", "反恐"),
}
PAGE_LANGUAGE = {"zh": "zh-hans"}


@pytest.fixture
def one_event_in_each_language():
    return {
        language: EventFactory(language=language, title=title, summary=summary)
        for language, (title, summary, _query) in WRITTEN_IN.items()
    }


@pytest.mark.parametrize("language", WRITTEN_IN)
def test_a_query_in_each_language_finds_the_records_written_in_it(
    client, one_event_in_each_language, language
):
    query = WRITTEN_IN[language][2]
    page_language = PAGE_LANGUAGE.get(language, language)

    with translation.override(page_language):
        [events] = search_all(query)
        address = reverse("search")
        listed = EventFilter(QueryDict(urlencode({"q": query})), queryset=Event.objects.public())
    page = client.get(address, {"q": query}).content.decode()

    assert [result.title for result in events.results] == [WRITTEN_IN[language][0]]
    assert events.results[0].language == ("zh-Hans" if language == "zh" else language)
    assert list(listed.qs) == [one_event_in_each_language[language]]
    assert WRITTEN_IN[language][0] in page
    for other, (title, *_rest) in WRITTEN_IN.items():
        assert (title in page) is (other == language)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("الإرهاب", "ar"),  # with its article, as the title writes it
        ("反恐怖主义", "zh"),  # a whole run of pairs: a phrase
        ("反恐 研讨会", "zh"),  # every word, wherever it is
        ("反恐 -研讨会", None),  # a word left out
        ("恐", None),  # one Chinese character is too short to look for
        ("反恐 or доказательство", "zh ru"),
        ('"preuves numériques"', "fr"),
        ("preuve -réseaux", "fr"),
        ("preuve -terroristes", None),
    ],
)
def test_queries_in_each_language_agree_on_both_databases(one_event_in_each_language, query, found):
    groups = search_all(query)

    titles = sorted(result.title for group in groups for result in group.results)
    expected = sorted(WRITTEN_IN[language][0] for language in (found or "").split())
    assert titles == expected


def test_a_chinese_result_has_a_marked_snippet_of_its_own_text(one_event_in_each_language):
    EventFactory(language="zh", title="网络安全会议", summary="各国讨论了反恐合作与数字证据。")

    [events] = search_all("反恐合作")

    assert [result.title for result in events.results] == ["网络安全会议"]
    assert "讨论了<mark>反恐合作</mark>与数字证据" in events.results[0].snippet


def test_a_french_results_snippet_marks_the_words_found(one_event_in_each_language):
    EventFactory(language="fr", title="Réunion", summary="Les terroristes recrutent en ligne.")

    [events] = search_all("recrutent")

    assert "terroristes <mark>recrutent</mark> en ligne" in events.results[0].snippet


@pytest.mark.parametrize(("page_language", "searchable"), [("fr", False), ("en", True)])
def test_stop_words_are_those_of_the_page_language(page_language, searchable):
    EventFactory(language="en", title="Des Moines workshop")

    with translation.override(page_language):
        groups = search_all("des")

    assert bool(groups) is searchable


# --- Translations -------------------------------------------------------------------


def test_a_translation_is_found_in_its_language_and_shown_in_the_pages(client):
    EventFactory(
        title="Workshop on digital evidence",
        summary="Prosecutors met in Bangkok.",
        title_fr="Atelier sur les preuves numériques",
        summary_fr="Les procureurs se sont réunis à Bangkok.",
        title_zh_hans="数字证据研讨会",
    )

    with translation.override("fr"), showing_translations():
        [french] = search_all("procureur")
    with translation.override("en"), showing_translations():
        [english] = search_all("procureur")
    with translation.override("zh-hans"), showing_translations():
        [chinese] = search_all("证据")

    assert [result.title for result in french.results] == ["Atelier sur les preuves numériques"]
    assert french.results[0].language == "fr"
    assert "Les <mark>procureur</mark>s se sont réunis" in french.results[0].snippet
    # Found by its French translation, shown as the English page shows it.
    assert [result.title for result in english.results] == ["Workshop on digital evidence"]
    assert [result.title for result in chinese.results] == ["数字证据研讨会"]
    assert chinese.results[0].language == "zh-Hans"


def test_a_translation_ranks_like_an_original_of_its_language():
    EventFactory(title="Report", summary="Rien sur les procureurs.", language="fr")
    EventFactory(title="Meeting", title_fr="Réunion des procureurs", summary="Other words.")

    with translation.override("fr"), showing_translations():
        [events] = search_all("procureurs")

    # A word in a title weighs more than in a summary, translated or not.
    assert [result.title for result in events.results] == ["Réunion des procureurs", "Report"]


# The demo's words in each language, and the page of that language that finds them.
DEMO_QUERIES = {
    "fr": "ateliers",
    "es": "resolución",
    "ru": "семинарах",
    "ar": "بانكوك",
    "zh-hans": "反恐",
}


@pytest.mark.parametrize(("language", "query"), DEMO_QUERIES.items())
def test_search_in_each_language_finds_the_demo_in_that_language(
    client, demo_content, language, query
):
    bangkok = Event.objects.get(slug="2nd-asia-ict-ct-dialogue-bangkok")
    with translation.override(language), showing_translations():
        title = bangkok.title

    page = client.get(f"/{language}/search/", {"q": query}).content.decode()

    assert title != "2nd Asia ICT and CT Dialogue"
    assert f">{title}</a>" in page
