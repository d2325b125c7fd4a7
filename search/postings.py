"""Searches for frequent words ranked from postings instead of from the index entries.

A search ranks every matching page (search/ranking.py). For a word on most pages of a locale that
is every page: at 50,000 pages a one-word Ukrainian search matching 15,000 entries read and
scored each through the GIN index, two `ts_rank` calls an entry over its vectors (~11-17 ms of
the database per search). Most of that is the scoring, and the scores of a one-lexeme word do
not depend on the search: they are the entry's `ts_rank` of its title and of its body for that
lexeme. So for each lexeme of at least SEARCH_POSTINGS_MIN_ENTRIES entries (a hot lexeme) a
posting per entry keeps both ranks and the entry's `title_norm` (search/models.py), and a search
whose words are each one hot lexeme reads its matches from one index (an index-only scan of the
postings' primary key, merged on the entry with each further word's) and computes Wagtail's
score from the kept ranks: 5.6-6.0 ms instead of 11.1-11.6 ms for that search, 8.7 ms for the
two-word Czech one (database time seen from psycopg, best and median of 9; docs/search.md §7).

The score is the expression Django compiles for the search (search/ranking.py) with each
`ts_rank(weights, title|body, to_tsquery(config, word))` replaced by the posting's rank, which
is that same call's result (the same `real`, from the same function, weights and one-lexeme
query): the same arithmetic on the same numbers, so the same scores and order
(tests/search/test_postings.py compares them exactly).

Postings are exact at every moment, not eventually: a trigger on Wagtail's index table
(search/migrations/0005) rewrites an entry's postings in the transaction that writes the entry.
`refresh()` (`manage.py refresh_search_postings`, and a task at most every
SEARCH_POSTINGS_REFRESH_SECONDS after a publish) only changes which lexemes are hot, under a
lock that makes index writes wait for it. A search reads its postings and checks, in the same
statement, that each of its lexemes is hot with the weights it ranks with; if not (a refresh
dropped one since this process looked), it gets no rows from the postings and ranks as before.
"""

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from wagtail.models import Page
from wagtail.search.backends.database.postgres.weights import get_sql_weights
from wagtail.search.utils import get_descendants_content_types_pks

from .query import ParsedQuery, quoted_lexeme

# What Django compiles for one word's rank (search/ranking.py `_compiled`): its parameters are
# the weights, the configuration and the word.
RANK_CALL = re.compile(
    r'ts_rank\(\(%s\)::float4\[\], "wagtailsearch_indexentry"\."(title|body)", '
    r"to_tsquery\(%s::regconfig, %s\)\)"
)
SCORE_START = '"wagtailsearch_indexentry"."content_type_id" AS "content_type_id", '
SCORE_END = ' AS "score" FROM '
# The text of a tsquery of one lexeme: quoted, quotes doubled, backslashes escaped.
ONE_LEXEME = re.compile(r"'((?:[^'\\]|''|\\.)*)'")
HOT_SET_SECONDS = 60.0
MAX_WORDS_KEPT = 4096


@dataclass(frozen=True)
class Refreshed:
    hot: int  # hot lexemes after the refresh
    added: int
    dropped: int
    postings: int  # postings written for the added lexemes
    seconds: float


def enabled() -> bool:
    return connection.vendor == "postgresql" and bool(settings.SEARCH_POSTINGS_MIN_ENTRIES)


def describe(refreshed: Refreshed) -> str:
    return (
        f"{refreshed.hot} hot lexemes ({refreshed.added} added, {refreshed.dropped} dropped), "
        f"{refreshed.postings} postings written, in {refreshed.seconds:.1f} s"
    )


# --- which lexemes are hot ----------------------------------------------------------------------


def refresh(min_entries: int | None = None) -> Refreshed | None:
    """Make the lexemes of at least `min_entries` index entries hot (default
    SEARCH_POSTINGS_MIN_ENTRIES), with their postings, and drop those now in fewer than half as
    many (a lexeme near the threshold does not come and go with each refresh); all of them
    when the weights of the project's search fields changed. None where there are no postings
    (not PostgreSQL, or turned off)."""
    min_entries = settings.SEARCH_POSTINGS_MIN_ENTRIES if min_entries is None else min_entries
    if connection.vendor != "postgresql" or not min_entries:
        return None
    started = time.perf_counter()
    weights = get_sql_weights()
    with transaction.atomic(), connection.cursor() as cursor:
        # Index writes wait until this commits: an entry written meanwhile would get no posting
        # for a lexeme made hot here (its trigger would not see it yet) nor from this scan.
        cursor.execute("LOCK TABLE wagtailsearch_indexentry IN SHARE MODE")
        cursor.execute(
            "SELECT word, ndoc FROM ts_stat("
            "'SELECT title || body FROM wagtailsearch_indexentry "
            "WHERE object_id ~ ''^[0-9]{1,9}$''') WHERE ndoc >= %s",
            [max(1, min_entries // 2)],
        )
        counts = dict(cursor.fetchall())
        cursor.execute("SELECT lexeme, weights FROM search_hot_lexeme")
        current = dict(cursor.fetchall())
        kept = {lexeme for lexeme, held in current.items() if held == weights and lexeme in counts}
        dropped = sorted(set(current) - kept)
        added = sorted(
            lexeme for lexeme, n in counts.items() if n >= min_entries and lexeme not in kept
        )
        if dropped:
            cursor.execute("DELETE FROM search_posting WHERE lexeme = ANY(%s)", [dropped])
            cursor.execute("DELETE FROM search_hot_lexeme WHERE lexeme = ANY(%s)", [dropped])
        written = 0
        if added:
            cursor.execute(
                "INSERT INTO search_hot_lexeme (lexeme, weights) "
                "SELECT lexeme, %s FROM unnest(%s::text[]) AS lexeme",
                [weights, added],
            )
            # One pass over the entries: each entry's lexemes, those just made hot.
            cursor.execute(
                """
                INSERT INTO search_posting
                    (lexeme, entry_id, page_id, content_type_id, title_norm, title_rank, body_rank)
                SELECT lexeme, entry.id, entry.object_id::integer, entry.content_type_id,
                       entry.title_norm,
                       ts_rank(%s::real[], entry.title, cms_lexeme_query(lexeme)),
                       ts_rank(%s::real[], entry.body, cms_lexeme_query(lexeme))
                FROM wagtailsearch_indexentry AS entry,
                     unnest(tsvector_to_array(entry.title || entry.body)) AS lexeme
                WHERE entry.object_id ~ '^[0-9]{1,9}$' AND lexeme = ANY(%s)
                """,
                [weights, weights, added],
            )
            written = cursor.rowcount
    if written:
        # Index-only scans need the visibility map (VACUUM, outside a transaction only; else
        # autovacuum sets it later); the planner, the postings' statistics.
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                cursor.execute("ANALYZE search_posting")
            else:
                cursor.execute("VACUUM (ANALYZE) search_posting")
    _hot.clear()
    return Refreshed(
        hot=len(kept) + len(added),
        added=len(added),
        dropped=len(dropped),
        postings=written,
        seconds=time.perf_counter() - started,
    )


# This process's view of the hot lexemes, reloaded after HOT_SET_SECONDS: only which searches
# try the postings; each such search checks the lexemes itself.
_hot: dict[str, object] = {}


def _hot_lexemes() -> frozenset[str]:
    now = time.monotonic()
    if _hot.get("until", 0) <= now:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT lexeme FROM search_hot_lexeme WHERE weights = %s", [get_sql_weights()]
            )
            _hot["lexemes"] = frozenset(lexeme for (lexeme,) in cursor.fetchall())
        _hot["until"] = now + HOT_SET_SECONDS
    return _hot["lexemes"]


# (configuration, word) → the word's one lexeme, or None: what the configuration's dictionaries
# make of a word does not change while the process runs.
_lexemes: dict[tuple[str, str], str | None] = {}


def _word_lexemes(config: str, words: list[str]) -> list[str | None]:
    unknown = [word for word in dict.fromkeys(words) if (config, word) not in _lexemes]
    if unknown:
        if len(_lexemes) + len(unknown) > MAX_WORDS_KEPT:
            _lexemes.clear()
        with connection.cursor() as cursor:
            # The tsquery Wagtail's query compiler makes of each word (the word quoted).
            cursor.execute(
                "SELECT query::text, numnode(query) FROM unnest(%s::text[]) WITH ORDINALITY "
                "AS word(text, n), LATERAL to_tsquery(%s::regconfig, word.text) AS query "
                "ORDER BY word.n",
                [[quoted_lexeme(word) for word in unknown], config],
            )
            for word, (text, nodes) in zip(unknown, cursor.fetchall(), strict=True):
                _lexemes[(config, word)] = _one_lexeme(text) if nodes == 1 else None
    return [_lexemes[(config, word)] for word in words]


def _one_lexeme(text: str) -> str | None:
    match = ONE_LEXEME.fullmatch(text)
    if match is None:
        return None
    return re.sub(r"\\(.)", r"\1", match.group(1).replace("''", "'"))


# --- ranking from postings ----------------------------------------------------------------------


def query_lexemes(backend, parsed: ParsedQuery) -> list[str] | None:
    """The one hot lexeme of each word, or None where the postings cannot rank this search: a
    word with several spellings or lexemes (their ranks are averaged or computed together), or
    a lexeme that is not hot."""
    if not enabled() or not parsed.words or any(len(group) != 1 for group in parsed.words):
        return None
    hot = _hot_lexemes()
    if not hot:
        return None
    found = _word_lexemes(backend.config, [group[0] for group in parsed.words])
    if any(lexeme is None or lexeme not in hot for lexeme in found):
        return None
    return found


_scores: dict[tuple, tuple[str, list] | None] = {}


def score_sql(backend, parsed: ParsedQuery, compiled) -> tuple[str, list] | None:
    """The score Django compiles for this search (`compiled()`, search/ranking.py), with each
    word's ranks read from its posting `p<i>` and `title_norm` from `p0`; None if the compiled
    SQL is not the expected one rank call per word and vector."""
    shape = (backend.config, len(parsed.words))
    if shape not in _scores:
        _scores[shape] = _score_from(compiled(), parsed)
    return _scores[shape]


def _score_from(compiled: tuple[str, list], parsed: ParsedQuery) -> tuple[str, list] | None:
    sql, params = compiled
    start, end = sql.find(SCORE_START), sql.find(SCORE_END)
    if start < 0 or end < 0 or "%s" in sql[:start]:
        return None
    score = sql[start + len(SCORE_START) : end]
    score_params = params[: score.count("%s")]
    calls = list(RANK_CALL.finditer(score))
    fields = [call.group(1) for call in calls]
    words = len(parsed.words)
    if fields != ["title"] * words + ["body"] * words:
        return None
    out, kept, position, used = [], [], 0, 0
    for index, call in enumerate(calls):
        before = score[position : call.start()]
        taken = before.count("%s")
        kept += score_params[used : used + taken]
        used += taken + 3  # the call's weights, configuration and word
        out.append(before)
        out.append(f'"p{index % words}"."{call.group(1)}_rank"')
        position = call.end()
    out.append(score[position:])
    kept += score_params[used:]
    rewritten = "".join(out).replace('"wagtailsearch_indexentry"."title_norm"', '"p0"."title_norm"')
    if "wagtailsearch_indexentry" in rewritten or rewritten.count("%s") != len(kept):
        return None
    return rewritten, kept


def ranked(backend, parsed: ParsedQuery, bits: bytes, offset, limit, counted, compiled):
    """[(page id, content type, score)] from `offset` to `offset + limit` and the total (None when
    not `counted` or the slice is empty), as search/ranking.py `ranked` gives them; None where
    the postings cannot rank this search. `compiled()`: the search's scoring SQL, asked for
    once per shape."""
    lexemes = query_lexemes(backend, parsed)
    if lexemes is None:
        return None
    score = score_sql(backend, parsed, compiled)
    if score is None:
        return None
    sql, params = ranked_sql(score, lexemes, bits, offset, limit, counted)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if rows and rows[0][3] == -1:
        return None
    return [row[:3] for row in rows], (rows[0][3] if rows and counted else None)


def ranked_sql(score: tuple[str, list], lexemes: list[str], bits: bytes, offset, limit, counted):
    """The page of hits from the postings, each row (page id, content type, score, total); or one
    row of NULLs and -1 when a lexeme is no longer hot with these weights."""
    score_sql, score_params = score
    joins = "".join(
        f' JOIN search_posting AS "p{i}" ON "p{i}".lexeme = %s AND "p{i}".entry_id = "p0".entry_id'
        for i in range(1, len(lexemes))
    )
    total = "COUNT(*) OVER ()" if counted else "NULL::bigint"
    # The words' postings are joined before the pages are tested: with the bitmap test beside
    # the first word's scan, PostgreSQL expects few rows from it and joins each to the next
    # word's posting with an index lookup (~1.4 µs each, 26 ms for 15,000 matches at 50,000
    # pages), where a merge join of the two lists, both in entry order, takes 9 ms. Whether the
    # lexemes are still hot is read once (the CTE) and decides between the hits and the marker.
    sql = (
        "WITH hot AS (SELECT ARRAY(SELECT lexeme FROM search_hot_lexeme "
        "WHERE lexeme = ANY(%s) AND weights = %s) @> %s::text[] AS ok) "
        "SELECT * FROM ("
        f"SELECT page_pk, content_type_id, score, {total} FROM ("
        'SELECT "p0".page_id, "p0".page_id::bigint AS page_pk, "p0".content_type_id, '
        f'{score_sql} AS score FROM search_posting AS "p0"{joins} WHERE "p0".lexeme = %s '
        "OFFSET 0) AS matched WHERE content_type_id = ANY(%s) "
        "AND CASE WHEN page_id < %s THEN get_bit(%s::bytea, page_id) ELSE 0 END = 1 "
        "ORDER BY score DESC, page_pk DESC LIMIT %s OFFSET %s"
        ") AS found WHERE (SELECT ok FROM hot) "
        "UNION ALL SELECT NULL, NULL, NULL, -1 FROM hot WHERE NOT ok"
    )
    params = [
        lexemes,
        get_sql_weights(),
        lexemes,
        *score_params,
        *lexemes[1:],
        lexemes[0],
        list(get_descendants_content_types_pks(Page)),
        len(bits) * 8,
        bits,
        limit,
        offset,
    ]
    return sql, params
