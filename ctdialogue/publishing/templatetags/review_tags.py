"""The admin home's "Waiting for review" list (``publishing.review``)."""

from django import template
from django.urls import reverse

from ctdialogue.publishing.models import PendingChange
from ctdialogue.publishing.workflow import publish_permission

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_for_review(context, limit=10):
    """The changes waiting for review that the user may approve, newest first, each
    with the address of its review page."""
    user = context["request"].user
    waiting = PendingChange.objects.filter(status=PendingChange.Status.SUBMITTED).select_related(
        "content_type", "author"
    )
    rows = []
    for pending in waiting[:limit]:
        model = pending.content_type.model_class()
        if model is not None and user.has_perm(publish_permission(model)):
            opts = model._meta
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_pending_review", args=[pending.object_id]
            )
            rows.append({"pending": pending, "url": url, "kind": opts.verbose_name})
    return rows
