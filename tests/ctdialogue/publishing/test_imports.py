"""Bulk import for staff (django-import-export): CSV or Excel, a preview first, errors
named by row, and nothing imported from a file with any bad row."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook
from reversion.models import Version

from ctdialogue.publishing.models import DRAFT
from ctdialogue.translations.registry import translation_states
from events.models import Organization
from resolutions.models import Resolution
from tests.admin_forms import admin_url
from tests.conftest import make_staff
from tests.factories import ResolutionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"  # positions in the admin's import_formats

HEADER = "number,year,adopted_on,title,agenda_item,summary,document_url,language,themes"
#: The columns a file may add: the UN's title and how the resolution was adopted.
OPTIONAL = "official_title,meeting,vote,votes_for,votes_against,abstentions"
#: ... and the translations of its texts, language by language.
TRANSLATIONS = ",".join(
    f"{field}_{code}"
    for code in ("ar", "zh_hans", "en", "fr", "ru", "es")
    for field in ("title", "agenda_item", "summary", "official_title")
)


def csv_file(*lines, name="resolutions.csv"):
    return SimpleUploadedFile(name, "\n".join(lines).encode(), content_type="text/csv")


def xlsx_file(rows, name="organisations.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(
        name,
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def preview(client, model, upload, file_format):
    return client.post(admin_url(model, "import"), {"import_file": upload, "format": file_format})


def confirm(client, model, preview_response):
    data = preview_response.context["confirm_form"].initial
    return client.post(admin_url(model, "process_import"), data, follow=True)


def test_import_of_a_good_csv_creates_drafts_after_the_preview(editor_client, editor):
    ThemeFactory(slug="digital-evidence")
    upload = csv_file(
        HEADER,
        "2341,2017,2017-02-13,Protection of critical infrastructure,,,,en,",
        "2395,2017,2017-12-21,Counter-Terrorism Committee mandate,,,,en,digital-evidence",
    )

    page = preview(editor_client, Resolution, upload, CSV)
    nothing_yet = Resolution.objects.count()
    response = confirm(editor_client, Resolution, page)

    assert "Protection of critical infrastructure" in page.content.decode()
    assert nothing_yet == 0
    assert sorted(Resolution.objects.values_list("number", flat=True)) == [2341, 2395]
    assert set(Resolution.objects.values_list("publication_status", flat=True)) == {DRAFT}
    assert [t.slug for t in Resolution.objects.get(number=2395).themes.all()] == [
        "digital-evidence"
    ]
    messages = [str(message) for message in response.context["messages"]]
    assert "Import finished: 2 new, 0 updated, 0 deleted and 0 skipped resolutions." in messages
    version = Version.objects.get_for_object(Resolution.objects.get(number=2341)).get()
    assert version.revision.user == editor
    assert version.revision.get_comment() == "Imported from resolutions.csv."


def test_import_updates_by_number_and_skips_unchanged_rows(editor_client):
    ResolutionFactory(number=2341, year=2017, adopted_on=None, title="Old title")
    ResolutionFactory(
        number=2395, year=2017, adopted_on=None, title="Same", agenda_item="", language="en"
    )
    upload = csv_file(HEADER, "2341,2017,,New title,,,,en,", "2395,2017,,Same,,,,en,")

    confirm(editor_client, Resolution, preview(editor_client, Resolution, upload, CSV))

    assert Resolution.objects.get(number=2341).title == "New title"
    assert Resolution.objects.count() == 2


def test_import_with_one_bad_row_imports_nothing_and_names_the_row(editor_client):
    upload = csv_file(
        HEADER,
        "2341,2017,2017-02-13,Protection of critical infrastructure,,,,en,",
        "2395,2017,2016-12-21,Adopted in another year,,,,en,",
        "2396,2017,2017-12-21,A third resolution,,,,en,",
    )

    response = preview(editor_client, Resolution, upload, CSV)

    content = response.content.decode()
    assert "confirm_form" not in response.context
    invalid = response.context["result"].invalid_rows
    assert [row.number for row in invalid] == [2]
    assert "<td>2 </td>" in content
    assert "The adoption date is in 2016, not 2017." in content
    assert Resolution.objects.count() == 0


def test_import_with_an_unknown_theme_names_it(editor_client):
    upload = csv_file(HEADER, "2341,2017,,Title,,,,en,no-such-theme")

    response = preview(editor_client, Resolution, upload, CSV)

    assert "Unknown themes: no-such-theme." in response.content.decode()
    assert Resolution.objects.count() == 0


def test_import_with_an_unparsable_value_names_the_row(editor_client):
    upload = csv_file(HEADER, "2341,2017,,Title,,,,en,", "abc,2017,,Title,,,,en,")

    response = preview(editor_client, Resolution, upload, CSV)

    assert [number for number, _errors in response.context["result"].row_errors()] == [2]
    assert "Line number: 2 - “abc” is not a whole number." in response.content.decode()
    assert Resolution.objects.count() == 0


def test_confirmation_that_became_invalid_imports_nothing(editor_client):
    theme = ThemeFactory(slug="digital-evidence")
    upload = csv_file(HEADER, "2341,2017,,First,,,,en,", "2395,2017,,Second,,,,en,digital-evidence")
    page = preview(editor_client, Resolution, upload, CSV)
    theme.delete()  # between the preview and the confirmation

    response = confirm(editor_client, Resolution, page)

    messages = [str(message) for message in response.context["messages"]]
    assert (
        "Nothing was imported: row 2 is no longer valid. Import the file again to see why."
        in messages
    )
    assert Resolution.objects.count() == 0


def test_import_of_an_excel_file_creates_organisations(publisher_client):
    upload = xlsx_file(
        [
            ["slug", "name", "acronym", "kind", "country", "website", "description", "language"],
            [
                "unodc",
                "United Nations Office on Drugs and Crime",
                "UNODC",
                "un_entity",
                "",
                "",
                "",
                "en",
            ],
            [
                "iap",
                "International Association of Prosecutors",
                "IAP",
                "professional",
                "NL",
                "",
                "",
                "en",
            ],
        ]
    )

    page = preview(publisher_client, Organization, upload, XLSX)
    confirm(publisher_client, Organization, page)

    assert dict(Organization.objects.values_list("slug", "acronym")) == {
        "unodc": "UNODC",
        "iap": "IAP",
    }
    assert Organization.objects.get(slug="iap").country.code == "NL"


def test_import_of_an_excel_file_with_a_bad_kind_imports_nothing(publisher_client):
    upload = xlsx_file(
        [
            ["slug", "name", "kind"],
            ["unodc", "UNODC", "un_entity"],
            ["acme", "Acme", "corporation"],
        ]
    )

    response = preview(publisher_client, Organization, upload, XLSX)

    assert [row.number for row in response.context["result"].invalid_rows] == [2]
    assert "Value &#x27;corporation&#x27; is not a valid choice." in response.content.decode()
    assert Organization.objects.count() == 0


def test_import_needs_add_and_change_permission(db):
    viewer = make_staff("viewer")
    viewer.user_permissions.add(Permission.objects.get(codename="view_resolution"))
    client = Client()
    client.force_login(viewer)

    changelist = client.get(admin_url(Resolution, "changelist"))
    response = client.post(
        admin_url(Resolution, "import"), {"import_file": csv_file(HEADER), "format": CSV}
    )

    assert changelist.status_code == 200
    assert admin_url(Resolution, "import") not in changelist.content.decode()
    assert response.status_code == 403


def test_changelist_offers_import_and_export_to_editors(editor_client):
    content = editor_client.get(admin_url(Organization, "changelist")).content.decode()

    assert admin_url(Organization, "import") in content
    assert admin_url(Organization, "export") in content


def test_themes_are_named_by_exact_name_or_slug_with_the_same_links(editor_client):
    ThemeFactory(name="Digital evidence and mutual legal assistance", slug="digital-evidence")
    ThemeFactory(name="Online radicalisation", slug="radicalisation")
    upload = csv_file(
        HEADER,
        '2341,2017,2017-02-13,By slug,,,,en,"digital-evidence,radicalisation"',
        '2395,2017,2017-12-21,By name,,,,en,"DIGITAL EVIDENCE AND MUTUAL LEGAL ASSISTANCE,'
        ' online radicalisation"',
    )

    confirm(editor_client, Resolution, preview(editor_client, Resolution, upload, CSV))

    by_slug, by_name = (
        sorted(Resolution.objects.get(number=number).themes.values_list("slug", flat=True))
        for number in (2341, 2395)
    )
    assert by_slug == by_name == ["digital-evidence", "radicalisation"]


def test_a_theme_that_is_neither_a_name_nor_a_slug_is_named_in_the_error(editor_client):
    ThemeFactory(name="Digital evidence", slug="digital-evidence")
    upload = csv_file(HEADER, '2341,2017,2017-02-13,T,,,,en,"Digital evidence,Cyber stuff"')

    page = preview(editor_client, Resolution, upload, CSV).content.decode()

    assert "Unknown themes: Cyber stuff. Name them by their exact name or their slug" in page
    assert not Resolution.objects.exists()


def test_import_page_lists_the_columns_and_offers_a_sample_file(editor_client):
    page = editor_client.get(admin_url(Resolution, "import")).content.decode()

    assert '<th scope="row"><code>agenda_item</code></th>' in page
    assert "Themes, by exact name or slug, separated by commas." in page
    assert 'href="/admin/resolutions/resolution/import/sample.csv" download' in page


def test_the_sample_file_imports_cleanly(editor_client):
    theme = ThemeFactory(name="Digital evidence", slug="digital-evidence")
    ResolutionFactory(number=2396, title="Foreign terrorist fighters").themes.add(theme)
    sample = editor_client.get("/admin/resolutions/resolution/import/sample.csv")
    Resolution.objects.all().delete()

    page = preview(editor_client, Resolution, csv_file(sample.content.decode()), CSV)

    assert sample["Content-Disposition"] == ('attachment; filename="resolution-import-sample.csv"')
    assert sample.content.decode().splitlines()[0] == f"{HEADER},{OPTIONAL},{TRANSLATIONS}"
    assert "Foreign terrorist fighters" in page.content.decode()
    assert page.context["result"].has_errors() is False
    assert page.context["result"].has_validation_errors() is False


def test_import_carries_the_uns_title_meeting_and_vote_and_checks_the_vote(editor_client):
    good = csv_file(
        f"{HEADER},{OPTIONAL}",
        '2396,2017,2017-12-21,Returning fighters,,,,en,,"Resolution 2396 (2017)",8148,'
        "recorded,15,0,0",
    )
    bad = csv_file(
        f"{HEADER},{OPTIONAL}",
        "2395,2017,2017-12-21,CTED,,,,en,,,8148,recorded,15,,",
    )

    confirmed = confirm(editor_client, Resolution, preview(editor_client, Resolution, good, CSV))
    refused = preview(editor_client, Resolution, bad, CSV)

    assert confirmed.status_code == 200
    resolution = Resolution.objects.get(number=2396)
    assert (resolution.official_title, resolution.meeting_record) == (
        "Resolution 2396 (2017)",
        "S/PV.8148",
    )
    assert resolution.vote_tally == "15-0-0"
    assert refused.context["result"].has_validation_errors() is True
    assert "A recorded vote needs all three counts" in refused.content.decode()
    assert not Resolution.objects.filter(number=2395).exists()


# --- Translations travel in the same files -----------------------------------------


def test_translations_are_imported_and_exported_language_by_language(editor_client, superuser):
    from ctdialogue.publishing.imports import QuotedCSV

    upload = csv_file(
        f"{HEADER},title_fr,summary_fr,title_zh_hans",
        "2396,2017,,Returning fighters,,,,en,,Combattants de retour,,返回的战斗人员",
    )

    confirm(editor_client, Resolution, preview(editor_client, Resolution, upload, CSV))
    [row] = csv.DictReader(io.StringIO(exported(superuser, QuotedCSV())))

    resolution = Resolution.objects.get(number=2396)
    assert (resolution.title_fr, resolution.title_zh_hans) == (
        "Combattants de retour",
        "返回的战斗人员",
    )
    assert not resolution.title_ru
    assert not resolution.summary_fr
    # Made from the original as imported: current, not out of date.
    assert translation_states(resolution, "fr")["title"] == "current"
    assert (row["title"], row["title_fr"], row["title_zh_hans"], row["title_en"]) == (
        "Returning fighters",
        "Combattants de retour",
        "返回的战斗人员",
        "",
    )


def test_an_imported_translation_into_the_records_own_language_is_refused(editor_client):
    upload = csv_file(
        f"{HEADER},title_fr",
        "2341,2017,,Protection des infrastructures critiques,,,,fr,,",
        "2396,2017,,Combattants de retour,,,,fr,,Combattants de retour",
    )

    response = preview(editor_client, Resolution, upload, CSV)

    assert [row.number for row in response.context["result"].invalid_rows] == [2]
    assert "The record is written in French: this text is its original." in (
        response.content.decode()
    )
    assert not Resolution.objects.exists()


def test_the_import_page_says_what_each_translation_column_holds(editor_client):
    page = editor_client.get(admin_url(Organization, "import")).content.decode()

    assert '<th scope="row"><code>description_zh_hans</code></th>' in page
    assert (
        "Description in Simplified Chinese, translated from the original; empty where "
        "there is none, and for a record written in Simplified Chinese."
    ) in page


# --- Exports: no formulas for spreadsheets ------------------------------------------

EXPORT_TITLES = ['=HYPERLINK("https://evil.example","x")', "+1", "-2 items", "@SUM(A1)", "\tx"]


def exported(superuser, file_format):
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = superuser
    model_admin = admin.site._registry[Resolution]
    return model_admin.get_export_data(file_format, request, Resolution.objects.order_by("number"))


def test_admin_csv_export_neutralises_formulas_in_text_cells_only(superuser):
    from ctdialogue.publishing.imports import QuotedCSV

    for number, title in enumerate(EXPORT_TITLES, start=2401):
        ResolutionFactory(number=number, year=2017, title=title)

    text = exported(superuser, QuotedCSV())
    rows = list(csv.DictReader(io.StringIO(text)))

    assert [row["title"] for row in rows] == [f"'{title}" for title in EXPORT_TITLES]
    assert [row["number"] for row in rows] == ["2401", "2402", "2403", "2404", "2405"]
    assert '"\'=HYPERLINK(""https://evil.example"",""x"")"' in text


def test_admin_excel_export_neutralises_formulas_and_keeps_numbers(superuser):
    from import_export.formats.base_formats import XLSX as ExcelFormat
    from openpyxl import load_workbook

    for number, title in enumerate(EXPORT_TITLES, start=2401):
        ResolutionFactory(number=number, year=2017, title=title)

    sheet = load_workbook(io.BytesIO(exported(superuser, ExcelFormat()))).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    title, number = headers.index("title"), headers.index("number")
    cells = list(sheet.iter_rows(min_row=2))

    assert [row[title] for row in rows[1:]] == [f"'{t}" for t in EXPORT_TITLES]
    assert [row[number] for row in rows[1:]] == [2401, 2402, 2403, 2404, 2405]
    assert {row[title].data_type for row in cells} == {"s"}  # text, never a formula
