"""HTML pages: main text, title, site and publication date extracted by trafilatura (dates through htmldate).

No date found in the page means the page is rejected (D102): dateline never falls back to "today".
"""

from __future__ import annotations

from collections.abc import Iterator

from dateline.article import Article, parse_published
from dateline.errors import Code, InputError, Problem
from dateline.ingest.decode import decode
from dateline.ingest.readers import ReadOptions
from dateline.ingest.sources import InputFile, read_whole


def html_to_article(html: str, *, origin: str, url: str | None = None, record_id: str | None = None) -> Article:
    """Extract one article from an HTML page, raising `InputError` when it has no text or no date."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, date_extraction_params={
            "extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d",
        },
    )
    if document is None or isinstance(document, dict) or not (document.text or "").strip():
        raise InputError("no main text found in the page", code=Code.EMPTY_TEXT)
    if not document.date:
        raise InputError("no publication date found in the page (meta tags, time elements, URL)",
                         code=Code.MISSING_DATE)
    source = document.sitename or document.hostname
    return Article(
        text=str(document.text), published=parse_published(document.date), title=document.title,
        url=url or document.url, source=source, external_id=record_id, origin=origin,
    )


def read(source: InputFile, options: ReadOptions) -> Iterator[Article | Problem]:
    try:
        html = decode(read_whole(source, options.max_record_bytes), detect=True)
        yield html_to_article(html, origin=source.display, record_id=source.relative)
    except InputError as error:
        yield Problem.from_error(error, source.display, "")
