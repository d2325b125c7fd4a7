"""The postings of frequent lexemes (search/postings.py): each index entry's rank for every
lexeme found in many entries, kept by a trigger on Wagtail's index table, so a search for
such words reads its matches from one index instead of scoring every matching entry."""

from django.db import models


class RealField(models.FloatField):
    """A single-precision float: PostgreSQL's ts_rank returns `real`, and a rank is only the
    same number in the same arithmetic when it stays one."""

    def db_type(self, connection):
        return "real"


class HotLexeme(models.Model):
    """A lexeme of at least SEARCH_POSTINGS_MIN_ENTRIES index entries. While it is here, every
    entry that has it has its Posting, ranked with `weights`."""

    lexeme = models.TextField(primary_key=True)
    weights = models.TextField(help_text="ts_rank's weights ({D,C,B,A}) the postings hold.")

    class Meta:
        db_table = "search_hot_lexeme"

    def __str__(self):
        return self.lexeme


class Posting(models.Model):
    """One index entry's ranks for one hot lexeme, and what the ranking needs of the entry."""

    pk = models.CompositePrimaryKey("lexeme", "entry_id")
    lexeme = models.TextField()
    entry_id = models.IntegerField(help_text="wagtailsearch_indexentry.id")
    page_id = models.IntegerField(help_text="The entry's object_id (entries of integer ids only).")
    content_type_id = models.IntegerField()
    title_norm = models.FloatField()
    title_rank = RealField(help_text="ts_rank(weights, title, lexeme)")
    body_rank = RealField(help_text="ts_rank(weights, body, lexeme)")

    class Meta:
        db_table = "search_posting"
        indexes = [models.Index(fields=["entry_id"], name="search_posting_entry")]

    def __str__(self):
        return f"{self.lexeme} in entry {self.entry_id}"
