"""newsmodel: news articles as typed, trustworthy data.

Parse a page or its text into an :class:`Article` with its metadata, body,
people and who said what; write and read it as JSON, NewsML-G2 and ninjs.
"""

from newsmodel.errors import DeserializationError, NewsmodelError, ParseError, SerializationError
from newsmodel.model import (
    Article,
    FieldSource,
    Organization,
    ParseWarning,
    Person,
    Place,
    Quote,
    Span,
    Statement,
    StatementKind,
)
from newsmodel.options import ParseOptions
from newsmodel.parse.html import parse_html
from newsmodel.parse.newsml import from_newsml, iter_newsml
from newsmodel.parse.text import parse_text
from newsmodel.serialize.json import from_dict, from_json, to_dict, to_json
from newsmodel.serialize.newsml import NewsMLOptions, to_newsml
from newsmodel.serialize.ninjs import from_ninjs, to_ninjs, to_ninjs_json

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DeserializationError",
    "FieldSource",
    "NewsMLOptions",
    "NewsmodelError",
    "Organization",
    "ParseError",
    "ParseOptions",
    "ParseWarning",
    "Person",
    "Place",
    "Quote",
    "SerializationError",
    "Span",
    "Statement",
    "StatementKind",
    "__version__",
    "from_dict",
    "from_json",
    "from_newsml",
    "from_ninjs",
    "iter_newsml",
    "parse_html",
    "parse_text",
    "to_dict",
    "to_json",
    "to_newsml",
    "to_ninjs",
    "to_ninjs_json",
]
