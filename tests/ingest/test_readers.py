"""Every reader turns its format into articles with the right date, text and identity."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dateline.ingest.readers import FieldMap
from dateline.store.articles import iter_articles
from dateline.store.db import Store

SEED = (" date 2023-06-22 First paragraph of the film story.\n\nSecond paragraph, premieres on July 12th.")


def articles(store: Store) -> list:
    return list(iter_articles(store.conn))


def test_seed_file_with_one_article_and_paragraphs(store: Store, inputs, run) -> None:
    report = run(inputs.write("one.txt", SEED))
    assert (report.added, report.problems) == (1, [])
    [stored] = articles(store)
    assert stored.published.iso() == "2023-06-22"
    assert stored.text == "First paragraph of the film story.\n\nSecond paragraph, premieres on July 12th."


def test_seed_file_with_many_records_one_per_line(store: Store, inputs, run) -> None:
    lines = "\n".join(f" date 2023-06-{day:02d} Story number {day}." for day in range(1, 6))
    assert run(inputs.write("many.txt", lines)).added == 5
    assert sorted(a.published.iso() for a in articles(store)) == [f"2023-06-0{d}" for d in range(1, 6)]


def test_jsonl_with_default_field_names(store: Store, inputs, run) -> None:
    records = [
        {"id": "a1", "time": "2023-06-22", "text": "Alpha.", "title": "A", "url": "https://www.example.com/a"},
        {"id": "a2", "published": "2006-10-20T18:15:00 EDT", "body": "Beta.", "source": "Reuters"},
    ]
    report = run(inputs.write("x.jsonl", "\n".join(json.dumps(r) for r in records) + "\n"))
    assert report.added == 2
    by_id = {a.article.external_id: a for a in articles(store)}
    assert by_id["a1"].article.source == "example.com"
    assert by_id["a1"].article.title == "A"
    assert by_id["a2"].published.iso() == "2006-10-20T18:15:00-04:00"
    assert by_id["a2"].article.source == "Reuters"


def test_jsonl_field_names_are_configurable(store: Store, inputs, run) -> None:
    from dateline.ingest.readers import ReadOptions

    path = inputs.write("y.jsonl", json.dumps({"pubDate": "2020-01-02", "story": "Custom fields."}) + "\n")
    report = run(path, read=ReadOptions(FieldMap.with_overrides(date="pubDate")))
    assert report.added == 1
    assert articles(store)[0].published.iso() == "2020-01-02"


def test_csv_and_tsv(store: Store, inputs, run) -> None:
    csv_text = 'id,date,title,text\n1,2023-01-05,One,"Text, with a comma."\n2,2023-01-06,Two,"Line one\nline two"\n'
    tsv_text = "id\tdate\ttext\n3\t2023-01-07\tTabbed text.\n"
    report = run(inputs.write("a.csv", csv_text), inputs.write("b.tsv", tsv_text))
    assert (report.added, report.problems) == (3, [])
    texts = sorted(a.text for a in articles(store))
    assert texts == ["Line one\nline two", "Tabbed text.", "Text, with a comma."]


def test_date_folder_tree(store: Store, inputs, run) -> None:
    inputs.write("bp_bbc/InputDocs/2010-04-20/1.htm.txt", "An explosion on the rig .\nEleven workers died .\n")
    inputs.write("bp_bbc/InputDocs/2010-04-22/2.htm.txt", "The rig sank .\n")
    report = run(inputs.root)
    assert report.added == 2
    stored = sorted(articles(store), key=lambda a: a.published.iso())
    assert [a.published.iso() for a in stored] == ["2010-04-20", "2010-04-22"]
    assert stored[0].article.source == "bp_bbc"
    assert stored[0].article.external_id == "bp_bbc/InputDocs/2010-04-20/1.htm.txt"


HTML = """<!DOCTYPE html><html><head><title>Rig sinks in the Gulf</title>
<meta property="article:published_time" content="2010-04-22T10:00:00Z">
<meta property="og:site_name" content="Example News"></head>
<body><nav>Home | World | Business</nav><article><h1>Rig sinks in the Gulf</h1>
<p>The Deepwater Horizon drilling rig sank on Thursday after burning for 36 hours, officials said.</p>
<p>Crews are now working to contain the oil that is leaking from the well a mile below the surface.</p>
<p>Eleven workers are missing and presumed dead after the explosion on Tuesday night.</p>
</article><footer>Copyright</footer></body></html>"""


def test_html_page_main_text_and_date(store: Store, inputs, run) -> None:
    report = run(inputs.write("page.html", HTML))
    assert (report.added, report.problems) == (1, [])
    [stored] = articles(store)
    assert stored.published.iso() == "2010-04-22"
    assert "Deepwater Horizon" in stored.text and "Home | World" not in stored.text
    assert stored.article.title == "Rig sinks in the Gulf"


def test_html_without_any_date_is_rejected_not_guessed(store: Store, inputs, run) -> None:
    undated = HTML.replace('<meta property="article:published_time" content="2010-04-22T10:00:00Z">', "")
    report = run(inputs.write("undated.html", undated))
    assert report.added == 0
    assert [p.code.value for p in report.problems] == ["D102"]


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


def test_warc_archive(store: Store, inputs, run) -> None:
    second = HTML.replace("2010-04-22T10:00:00Z", "2010-04-23T09:00:00Z").replace("sank on Thursday", "sank on Friday")
    archive = _warc([("https://example.com/a", HTML), ("https://example.com/b", second)])
    report = run(inputs.write("crawl.warc.gz", archive))
    assert (report.added, report.problems) == (2, [])
    urls = sorted(a.article.url or "" for a in articles(store))
    assert urls == ["https://example.com/a", "https://example.com/b"]


@pytest.mark.parametrize("name", ["x.jsonl.gz", "seed.txt.gz", "t.csv.gz"])
def test_gzip_variants(store: Store, inputs, run, name: str) -> None:
    content = {
        "x.jsonl.gz": json.dumps({"date": "2023-01-01", "text": "Zipped."}) + "\n",
        "seed.txt.gz": " date 2023-01-01 Zipped.",
        "t.csv.gz": "date,text\n2023-01-01,Zipped.\n",
    }[name]
    report = run(inputs.write(name, content, compress=True))
    assert (report.added, report.problems) == (1, [])


def test_cat_xml(store: Store, inputs, run) -> None:
    xml = """<?xml version="1.0" ?><Document doc_id="7" doc_name="x" lang="en" url="http://w/x">
<token number="0" sentence="0" t_id="1">Headline</token><token number="1" sentence="1" t_id="2">June</token>
<token number="2" sentence="1" t_id="3">6</token><token number="3" sentence="1" t_id="4">,</token>
<token number="4" sentence="1" t_id="5">2005</token><token number="5" sentence="2" t_id="6">Apple</token>
<token number="6" sentence="2" t_id="7">(</token><token number="7" sentence="2" t_id="8">AAPL</token>
<token number="8" sentence="2" t_id="9">)</token><token number="9" sentence="2" t_id="10">rose</token>
<token number="10" sentence="2" t_id="11">.</token>
<Markables><TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2005-06-06">
<token_anchor t_id="2"/></TIMEX3></Markables></Document>"""
    report = run(inputs.write("doc.xml", xml))
    assert (report.added, report.problems) == (1, [])
    [stored] = articles(store)
    assert (stored.text, stored.article.title) == ("Apple (AAPL) rose.", "Headline")
    assert stored.published.iso() == "2005-06-06"


def test_sample_corpus_matches_a_fresh_build(shared_data: Path, tmp_path: Path) -> None:
    import importlib.util

    script = Path(__file__).parents[2] / "scripts" / "build_sample.py"
    spec = importlib.util.spec_from_file_location("build_sample", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(shared_data, tmp_path)
    committed = Path(__file__).parents[2] / "src" / "dateline" / "data" / "sample"
    for name in ("meantime.jsonl", "seeds.txt", "MEANTIME-LICENSE.txt"):
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes(), name
