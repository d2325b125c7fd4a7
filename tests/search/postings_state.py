"""A process's state of search/postings.py, reset for a test."""

from search import postings


def forget_postings(monkeypatch):
    """A new process's view: no hot set, words or scores known yet."""
    monkeypatch.setattr(postings, "_hot", {})
    monkeypatch.setattr(postings, "_lexemes", {})
    monkeypatch.setattr(postings, "_scores", {})
