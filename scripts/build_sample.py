"""Build the bundled sample corpus: the MEANTIME English articles (CC BY 4.0) and the two seed articles.

    python scripts/build_sample.py ../shared/data

writes `src/dateline/data/sample/` (meantime.jsonl, seeds.txt, and MEANTIME's licence). Rerun it whenever the
conversion changes; `tests/test_sample.py` checks the committed files equal a fresh build.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from dateline.ingest.readers.catxml import parse_cat

OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "sample"


def build(shared_data: Path, out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    corpus = shared_data / "meantime-en" / "intra_cross-doc_annotation"
    with (out / "meantime.jsonl").open("w", encoding="utf-8") as sink:
        for path in sorted(corpus.glob("*/*.xml")):
            document = parse_cat(path.read_bytes(), path.stem)
            record = {"id": document.doc_id, "date": document.dct, "title": document.title, "text": document.text,
                      "url": document.url, "source": "wikinews", "corpus": path.parent.name}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    seeds = sorted((shared_data / "seeds").glob("*.txt"))
    (out / "seeds.txt").write_text("\n".join(p.read_text(encoding="utf-8") for p in seeds) + "\n", encoding="utf-8")
    shutil.copyfile(shared_data / "meantime-en" / "LICENSE.txt", out / "MEANTIME-LICENSE.txt")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data"))
