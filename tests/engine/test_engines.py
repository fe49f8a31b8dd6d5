"""Both engines, and any number of workers, give byte-for-byte the same store from the same input."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from dateline.article import Article
from dateline.engine import open_engine
from dateline.engine.base import Job, gathered
from dateline.engine.fingerprint import fingerprint
from dateline.engine.synthetic import write_jsonl
from dateline.errors import ConfigError
from dateline.ingest.readers import ReadOptions, reader_for
from dateline.ingest.run import IngestOptions, ingest
from dateline.ingest.sources import InputFile
from dateline.pipeline import PipelineConfig, analyze_many
from dateline.store.db import Store

SEEN = datetime(2020, 1, 1, tzinfo=UTC)
FAST = PipelineConfig(mode="fast")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """240 generated articles in 3 shards, plus a bad line and an exact duplicate, so every path is taken."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_jsonl(folder, 240, seed=7, shard=80)
    with paths[1].open("a", encoding="utf-8") as out:
        out.write("{not json\n")
        out.write(paths[0].read_text(encoding="utf-8").splitlines()[3] + "\n")
    return folder


def _run(path: Path, db: Path, engine: str = "local", workers: int = 1) -> dict[str, tuple[int, str]]:
    with Store(db) as store:
        # Batches of 50: two workers take a part of 25 each (`Engine.parts`), one worker takes whole batches.
        options = IngestOptions(seen_at=SEEN, batch_size=50, pipeline=FAST, engine=engine, workers=workers)
        report = ingest(store, [path], options)
        assert report.added == 240 and report.duplicates == 1 and report.rejected == 1
        return fingerprint(store)


def test_local_pool_equals_in_process(corpus: Path, tmp_path: Path) -> None:
    one = _run(corpus, tmp_path / "one.db", workers=1)
    two = _run(corpus, tmp_path / "two.db", workers=2)
    assert one == two
    assert one["articles"][0] == 240 and one["sentences"][0] > 240


def test_dask_local_cluster_equals_local(corpus: Path, tmp_path: Path) -> None:
    local = _run(corpus, tmp_path / "local.db", workers=2)
    dask = _run(corpus, tmp_path / "dask.db", engine="dask", workers=2)
    assert dask == local


def test_batch_results_align_with_input_order(corpus: Path) -> None:
    source = InputFile(sorted(corpus.iterdir())[0], "jsonl", corpus)
    articles = [a for a in reader_for("jsonl")(source, ReadOptions()) if isinstance(a, Article)][:30]
    jobs = [(n, Job(partial(analyze_many, articles[n * 10:(n + 1) * 10], FAST), f"batch {n}")) for n in range(3)]
    with open_engine("local", workers=2) as engine:
        results = list(engine.run(jobs))
    assert [key for key, _ in results] == [0, 1, 2]
    assert [a.article_id for _, batch in results for a in batch] == [a.content_hash for a in articles]
    assert results[1][1] == analyze_many(articles[10:20], FAST)


def test_parts_share_a_batch_among_workers_and_gather_back_in_order() -> None:
    with open_engine("local", workers=3) as engine:
        assert engine.parts(list(range(100))) == [list(range(34)), list(range(34, 67)), list(range(67, 100))]
        assert engine.parts(list(range(25))) == [list(range(13)), list(range(13, 25))], "parts of at least 10"
        assert engine.parts(list(range(19))) == [list(range(19))] and engine.parts([]) == [[]]
    results = iter([(("a", 1), 1), (("a", 0), 2), (("b", 0), 3), (("a", 0), 4)])
    batches = gathered(results)
    assert next(batches) == ("a", [1, 2])
    assert next(results) == (("b", 0), 3), "a batch is handed on before the next batch's first part is read"


def test_unknown_engine_and_bad_options_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="D501"):
        open_engine("spark")
    with pytest.raises(ConfigError, match="needs --engine dask"):
        open_engine("local", scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ConfigError, match="at least 1"):
        open_engine("local", workers=0)


def test_one_model_pass_a_batch_gives_what_one_article_at_a_time_gives() -> None:
    """Workers call `analyze_many` (spaCy over the batch); it must equal `analyze` on each article."""
    from dateline.article import parse_published
    from dateline.pipeline import analyze

    texts = ["Angela Merkel met Emmanuel Macron in Berlin on Tuesday.",
             "Shares of Exxon Mobil fell 3 percent in New York trading last week, the company said.",
             "The International Monetary Fund (IMF) will publish its outlook in April 2024."]
    articles = [Article(text, parse_published("2024-01-0" + str(n + 1))) for n, text in enumerate(texts)]
    full = PipelineConfig(mode="full")
    batch = analyze_many(articles, full)
    assert batch == [analyze(article, full) for article in articles]
    assert any(m.source == "spacy" for m in batch[0].mentions)


def test_full_mode_pool_sharing_a_preloaded_model_equals_in_process(tmp_path: Path) -> None:
    """The local pool and a Dask LocalCluster fork after loading spaCy (`preload`): their workers' NER must be
    what one process finds."""
    folder = tmp_path / "small"
    write_jsonl(folder, 24, seed=11, shard=24)
    prints = []
    # One batch runs in this process; three go to the pool, or to the cluster.
    for batch_size, workers, engine in ((100, 1, "local"), (8, 2, "local"), (8, 2, "dask")):
        with Store(tmp_path / f"full-{workers}-{engine}.db") as store:
            options = IngestOptions(seen_at=SEEN, batch_size=batch_size, workers=workers, engine=engine)
            assert ingest(store, [folder], options).added == 24
            prints.append(fingerprint(store))
            assert store.conn.execute("SELECT count(*) FROM entity_mentions WHERE source = 'spacy'").fetchone()[0]
    assert prints[0] == prints[1] == prints[2]
