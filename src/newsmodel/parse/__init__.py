"""Readers: plain text, HTML pages and NewsML-G2 documents into :class:`~newsmodel.model.Article`."""
