"""TimeML in and out: gold annotations read with offsets, our annotations written without changing the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.temporal import tag
from dateline.temporal.timeml import parse_timeml, read_timeml, write_timeml

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">\
1998-08-07</TIMEX3></DCT>
<TEXT>
AT&amp;T said <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> that profit &lt;rose&gt; \
<SIGNAL sid="s1">in</SIGNAL> the <TIMEX3 tid="t2" type="DATE" value="1998-Q2">second quarter</TIMEX3>, \
<EVENT eid="e1" class="OCCURRENCE">beating</EVENT> "estimates"  by 5%.
Next week's   meeting — café.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""


def test_reading_strips_tags_and_keeps_gold_offsets() -> None:
    doc = parse_timeml(DOC, "t1.tml")
    assert doc.dct == "1998-08-07"
    assert doc.text.startswith('\nAT&T said Friday that profit <rose> in the second quarter, beating "estimates"  by')
    assert [(doc.text[g.start:g.end], g.type, g.value) for g in doc.timexes] == [
        ("Friday", "DATE", "1998-08-07"), ("second quarter", "DATE", "1998-Q2")]


def test_writing_keeps_the_text_character_for_character() -> None:
    doc = parse_timeml(DOC, "t1.tml")
    ours = tag(doc.text, doc.dct)
    written = write_timeml(doc, ours)
    again = parse_timeml(written, "t1.tml")
    assert again.text == doc.text
    assert [(g.start, g.end, g.type, g.value) for g in again.timexes] == [(t.start, t.end, t.type, t.value)
                                                                           for t in ours]
    assert "<EVENT" not in written and "<SIGNAL" not in written and "<TLINK" not in written
    assert written.startswith(DOC[:DOC.index("<TEXT>")])
    assert 'value="1998-W33"' in written  # next week


def test_a_file_without_dct_or_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>nothing</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_timeml(path)
    assert "DCT" in str(error.value)
