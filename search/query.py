"""A visitor's query: checked, cut into words, each word with its other spellings.

The words become a Wagtail search query (every word must match; a word matches any of its
spellings) and the same tsquery for the excerpt. The words go to PostgreSQL as quoted lexemes,
so tsquery operators (& | ! : * ( )) typed by a visitor are text, never syntax; punctuation is
dropped here already.
"""

import re
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from wagtail.search.backends.database.postgres.query import Lexeme
from wagtail.search.query import And, Or, PlainText

from cms.graphql.errors import ApiError, InvalidArgument, checked_text

from .places import spellings

# Letters and digits, with apostrophes inside Ukrainian words (об'єкт, обʼєкт).
WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")


class QueryTooLong(ApiError):
    code = "QUERY_TOO_LONG"


@dataclass
class ParsedQuery:
    text: str  # the query as typed, spaces normalised (search promotions are keyed on it)
    words: list[list[str]]  # each word with its other spellings; empty: nothing to search

    def wagtail_query(self):
        parts = [
            PlainText(group[0]) if len(group) == 1 else Or([PlainText(w) for w in group])
            for group in self.words
        ]
        return parts[0] if len(parts) == 1 else And(parts)

    def tsquery(self, config: str) -> SearchQuery:
        alternatives = [reduce(or_, [Lexeme(word) for word in group]) for group in self.words]
        return SearchQuery(reduce(and_, alternatives), search_type="raw", config=config)


def quoted_lexeme(word: str) -> str:
    """A word as Wagtail's query compiler passes it to to_tsquery (its Lexeme): quoted, quotes and
    backslashes escaped."""
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"


def parse(query: str, name: str = "query", allow_empty: bool = False) -> ParsedQuery:
    checked_text(query, name)
    limit = settings.SEARCH_MAX_QUERY_LENGTH
    if len(query) > limit:
        raise QueryTooLong(f"{name} is {len(query)} characters long; at most {limit} are searched.")
    text = " ".join(query.split())
    if not text and not allow_empty:
        raise InvalidArgument(f"{name} is empty: give at least one word to search for.")
    words = WORD.findall(text)[: settings.SEARCH_MAX_TERMS]
    return ParsedQuery(text=text, words=[spellings(word) for word in words])
