"""Writers (and their readers): JSON, NewsML-G2 and ninjs."""
