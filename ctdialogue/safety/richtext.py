"""Rich text: which fields hold HTML, the editor staff write it in, and how it is stored.

Rich text is written in the admin with TinyMCE (served from our own static files,
configured by ``TINYMCE_DEFAULT_CONFIG`` in the settings to offer only what the
sanitiser keeps), stored after ``ctdialogue.safety.html.sanitize_html()`` and rendered through
the ``sanitize`` template filter once more. Every other text field is plain text and
is escaped when rendered.
"""

from tinymce.widgets import AdminTinyMCE

from ctdialogue.translations.registry import UN_CODES, column

from .html import sanitize_html

# "app_label.ModelName" -> the fields that hold HTML. Named by label, so that this
# app needs no import of ``resolutions``.
RICH_TEXT_FIELDS = {
    "events.Theme": ("description",),
    "events.Organization": ("description",),
    "events.Person": ("bio",),
    "events.EventSeries": ("description",),
    "events.Event": ("summary", "body"),
    "events.Initiative": ("summary",),
    "resolutions.Resolution": ("summary",),
}


def rich_text_fields(model) -> tuple[str, ...]:
    """The fields of ``model`` that hold HTML, their translations (``body_fr``) too."""
    originals = RICH_TEXT_FIELDS.get(model._meta.label, ())
    return originals + tuple(column(name, code) for name in originals for code in UN_CODES)


def is_rich_text(model, field_name: str) -> bool:
    return field_name in rich_text_fields(model)


def rich_text_widget(rows: int = 10):
    """The admin editor: TinyMCE where scripts run, a plain text area without them."""
    return AdminTinyMCE(attrs={"rows": rows, "cols": 80})


def clean_rich_text(value: str) -> str:
    """What is stored: the sanitiser's output, without an editor's empty paragraph."""
    html = sanitize_html(value or "").strip()
    if html in {"<p></p>", "<p>&nbsp;</p>", "<p><br></p>"}:
        return ""
    return html
