"""Approved changes scheduled for a time are applied by the first request after it:
no background job (``publishing.review.apply_due``, which costs no query while the
cache knows nothing is due)."""

from .review import apply_due


class ApplyDueChangesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        apply_due()
        return self.get_response(request)
