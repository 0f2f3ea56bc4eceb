"""Lookups that stay cheap with many values."""

from django.db.models import F
from django.db.models.lookups import In


class AmongIds(In):
    """``column IN (ids)``, which PostgreSQL receives as one array parameter
    (``= ANY(%s)``): thousands of ids cost one parameter to build and send, not one
    each. Other databases get the plain ``IN``. Use it in ``filter()``:
    ``Participation.objects.filter(AmongIds("event_id", ids))``."""

    def __init__(self, column: str, ids):
        super().__init__(F(column), list(ids))

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, self.rhs)
