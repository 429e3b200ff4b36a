"""Extractors: metadata, people and speech found in an article's text or page."""
