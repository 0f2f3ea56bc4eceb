"""Search documents: a model's ``search_document`` ((field, weight), ...) as PostgreSQL
full text.

On PostgreSQL a search is ``websearch_to_tsquery`` in the "english" configuration
against the weighted document of the model's fields; the GIN expression indexes of
this app's migrations store exactly these documents. Change a model's
``search_document`` and the index must be rebuilt in a new migration of this app.
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchVector

SEARCH_CONFIG = "english"


def weighted_vector(fields) -> SearchVector:
    return reduce(
        operator.add,
        (SearchVector(name, weight=weight, config=SEARCH_CONFIG) for name, weight in fields),
    )


def websearch(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
