"""Full-text search vocabulary shared by the events list and the site search.

On PostgreSQL a search is ``websearch_to_tsquery`` in the "english"
configuration against a weighted document of the model's fields; the GIN
expression indexes of the 0002/0005 migrations store exactly these documents.
Change a field list here and the index must be rebuilt in a new migration.
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchVector

SEARCH_CONFIG = "english"

EVENT_SEARCH_FIELDS = (
    ("title", "A"),
    ("summary", "B"),
    ("city", "C"),
    ("venue", "C"),
    ("body", "D"),
)
# A biography is searchable only with consent, so it is not in the document at all.
PERSON_SEARCH_FIELDS = (("name", "A"), ("position", "B"))


def weighted_vector(fields) -> SearchVector:
    return reduce(
        operator.add,
        (SearchVector(name, weight=weight, config=SEARCH_CONFIG) for name, weight in fields),
    )


def websearch(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
