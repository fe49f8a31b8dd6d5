"""A folder tree whose folder names are publication dates: `InputDocs/YYYY-MM-DD/<id>.txt` (Timeline17).

The article's id is its path under the folder given; its source is the collection folder above `InputDocs`
when there is one (`t17/raw/bpoil_bbc/InputDocs/...` gives `bpoil_bbc`).
"""

from __future__ import annotations

from collections.abc import Iterator

from dateline.article import Article, parse_published
from dateline.errors import Code, InputError, Problem
from dateline.ingest.decode import decode
from dateline.ingest.readers import ReadOptions
from dateline.ingest.sources import InputFile, read_whole
from dateline.text import clean


def read(source: InputFile, options: ReadOptions) -> Iterator[Article | Problem]:
    folder = source.path.parent
    try:
        published = parse_published(folder.name)
        text = decode(read_whole(source, options.max_record_bytes), detect=True)
    except InputError as error:
        yield Problem.from_error(error, source.display, "")
        return
    if not clean(text):
        yield Problem(Code.EMPTY_TEXT, source.display, "", "file is empty")
        return
    collection = folder.parent.parent.name if folder.parent.name == "InputDocs" else None
    yield Article(text=text, published=published, source=collection, external_id=source.relative,
                  origin=source.display)
