"""`cms_excerpt_passage`: the part of a page's indexed text around its first match.

An excerpt is PostgreSQL's ts_headline, which runs every word of the text through the
locale's dictionaries (Hunspell: ~17 µs a word). On the bench's short bodies that is ~1 ms a
result; for ten results of 1,000-word articles it was ~170 ms a search. The search index
already knows where the query's words are (their positions in the entry's `body` vector), and
the text search parser alone is cheap (~0.7 ms for 1,000 words): counting positions as
to_tsvector does (one per token of a type the configuration maps, compound words and URLs and
their parts each), the passage is the text of the tokens from `around` positions before the
first match to `around` after it, which ts_headline then reads. Texts of at most 2 × `around`
positions, and entries without a body vector, are used whole. Nothing happens on databases
other than PostgreSQL.
"""

from django.db import migrations

# Token types of the default parser whose text is also in the tokens that follow them: compound
# words (numhword, asciihword, hword) and URLs (url: then host and url_path).
CREATE = r"""
CREATE OR REPLACE FUNCTION cms_excerpt_passage(
    config regconfig, body_text text, body tsvector, lexemes text[], around integer
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH found AS (
        SELECT min(position) FILTER (WHERE entry.lexeme = ANY(lexemes)) AS first,
               max(position) AS last
        FROM unnest(body) AS entry, unnest(entry.positions) AS position
    ),
    mapped AS (
        SELECT array_agg(maptokentype) AS types FROM pg_ts_config_map WHERE mapcfg = config
    ),
    tokens AS (
        SELECT token.n, token.tokid, token.token,
               count(*) FILTER (WHERE token.tokid = ANY(mapped.types))
                   OVER (ORDER BY token.n) AS position
        FROM mapped,
             ts_parse((SELECT cfgparser FROM pg_ts_config WHERE oid = config), body_text)
                 WITH ORDINALITY AS token(tokid, token, n)
    )
    SELECT CASE
        WHEN found.last IS NULL OR found.last <= 2 * around THEN body_text
        ELSE (
            SELECT string_agg(tokens.token, '' ORDER BY tokens.n)
            FROM tokens
            WHERE tokens.position BETWEEN coalesce(found.first, 1) - around
                                      AND coalesce(found.first, 1) + around
              AND tokens.tokid <> ALL (ARRAY(
                  SELECT tokid FROM ts_token_type(
                      (SELECT cfgparser FROM pg_ts_config WHERE oid = config))
                  WHERE alias IN ('numhword', 'asciihword', 'hword', 'url')
              ))
        )
    END
    FROM found
$$
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "DROP FUNCTION IF EXISTS cms_excerpt_passage(regconfig, text, tsvector, text[], integer)"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0003_text_index_without_pending_list")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
