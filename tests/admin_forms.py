"""Admin URLs, and the data a browser would send back from an admin form."""

import datetime

from django.forms import BooleanField, FileField, MultiValueField
from django.urls import reverse


def admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def admin_action(client, model, name, objects, **extra):
    """Run the changelist action ``name`` on ``objects``, as the admin's form sends it."""
    return client.post(
        admin_url(model, "changelist"),
        {"action": name, "_selected_action": [obj.pk for obj in objects], **extra},
        follow=True,
    )


def _text(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if hasattr(value, "pk"):
        return str(value.pk)
    return "" if value is None else str(value)


def _add_form(data, form, html):
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        rendered = f'name="{key}"' in html or f'name="{key}_0"' in html
        if isinstance(field, FileField) or not rendered:
            continue  # a browser sends only the fields on the page
        if isinstance(field, BooleanField):
            if value:
                data[key] = "on"
        elif isinstance(field, MultiValueField):
            parts = field.widget.decompress(value) if value else [None] * len(field.fields)
            for index, part in enumerate(parts):
                data[f"{key}_{index}"] = _text(part)
        elif isinstance(value, list | tuple):
            data[key] = [_text(item) for item in value]
        else:
            data[key] = _text(value)


def form_data(response, **changes):
    """Every field on the admin page in ``response`` (main form and inlines) with its
    current value, as a browser submits it; ``changes`` override fields."""
    data = {}
    html = response.content.decode()
    _add_form(data, response.context["adminform"].form, html)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _add_form(data, formset.management_form, html)
        for form in formset.forms:
            _add_form(data, form, html)
    review = response.context.get("review") or {}
    if review.get("pending_version"):  # the pending change's form carries its version too
        data["pending_version"] = review["pending_version"]
    data.update(changes)
    return data
