"""The corpus-level step of events: link each new mention to every stored mention reporting the same happening.

Runs in `pipeline.update_corpus`, in the ingest batch's transaction. Links are symmetric facts about two
mentions, so the stored links are the same whatever order articles arrive in.

Candidates come from an index of words (`event_words`), never from reading every stored mention of the days a
batch touches: dates in new sentences point anywhere in the past, so that soon meant the whole store, and each
batch cost more than the one before. Prefix filtering: a link needs its two mentions to share some number of
content words (`_need`, asked of `grouping.linked` itself), so with the words of every mention in one fixed order,
rarest first, the two rarest words two linked mentions share come early in both, early enough to be indexed
(`head` marks the words early enough for the mention with fewer words, whose size sets the ratio a link needs);
a candidate is a mention found through two words. Common words (`COMMON`, the most frequent in news copy) are put
last: their lists would be long. The order decides only which words are indexed, never what links; every
candidate is checked with `linked` on all its words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import cache

from dateline.events.dating import EventMention, Rule
from dateline.events.grouping import MAX_GROUP_WIDTH, MIN_SHARED, linked
from dateline.store.events import (
    Posting,
    mark_words_complete,
    mentions_after,
    mentions_of,
    mentions_with_ids,
    put_links,
    put_words,
    sharing_words,
    terms_with_ids,
    words_complete,
)

# The most frequent content words of event mentions in Reuters business news, most frequent first. Changing this
# list (or the thresholds `_need` reads) changes which words are indexed: stored indexes must then be rebuilt by a
# migration.
COMMON = tuple("""percent share reuter company market sale analyst stock price york billion million inc rose group
corp deal profit chief cent fell report investor growth business expected executive oil exchange earning forecast
rate bank plan index companie average state world offer cost two according consumer reported financial trading data
unit firm high investment revenue home service united maker nasdaq store higher result gain first told additional
product including management cut largest reporting trade estimate close bid interest economic buy biggest equity
economy street point comment rise shareholder industry statement increase expect wall retailer demand strong rival
dow source good inflation energy china fund news president federal board government added level quarterly number
due barrel take lower part ended global dollar crude value capital meeting cash three fed net think private people
housing chairman decline record customer option top sector include euro expectation operating holiday retail recent
talk research asset showed closed stake department major come sell wal-mart london target declined order ford
future reserve posted operation drop going yen merger jobs risk international likely line chicago open american
conference acquisition note concern production washington big continue system america official move securitie call
pay agreed economist general japan nearly set earlier officer helped drug airline motor technology pressure ahead
work change compared remain hit european brand phone ltd vehicle industrial based opec already announced partner
decision cuts agreement spokesman early end low spending debt income electronic microsoft loss charge key holding
outlook""".split())
_RANK = {word: len(COMMON) - position for position, word in enumerate(COMMON)}  # other words: 0, first
# Indexed words every linked pair shares: as many as the fewest any link needs, so fewer pairs are candidates.
_FOUND_BY = MIN_SHARED
_CHUNK = 100  # new mentions looked up at a time: bounds the candidate pairs held in memory


def _sample(article: str, rule: Rule, future: bool, width: int) -> EventMention:
    day = date(2000, 1, 1)
    return EventMention(article, 0, 0, day, day + timedelta(days=width - 1), "", "", rule, None, future, frozenset())


@cache
def _need(rule: Rule, future: bool, smaller: int) -> int:
    """The fewest shared words with which a mention of this rule and tense is linked to some mention, when the
    smaller of the two has `smaller` words (`smaller + 1`: never). Asked of `linked` for every kind of partner it
    tells apart (rule, tense, same width or not, same article or not), so it follows any change of the rules;
    but words already indexed were chosen under the old rules: lowering a threshold needs the index rebuilt."""
    mention = _sample("a", rule, future, 1)
    partners = [_sample(article, other, tense, width) for article in "ab" for other in Rule for tense in (False, True)
                for width in (1, 2)]
    return min((shared for shared in range(smaller + 1) for partner in partners
                if linked(mention, partner, shared, smaller)), default=smaller + 1)


@cache
def _extent(rule: Rule, future: bool, size: int) -> tuple[int, int]:
    """How many of the first words of a mention of `size` words are indexed, and how many of those are `head`
    words: with every word past them, a pair of linked mentions still shares `_FOUND_BY` of the indexed ones. The
    larger mention of a pair needs only the fewest words a link ever needs (over every size the smaller may have);
    the smaller needs those its own size asks. (0, 0) for a mention that can link to nothing."""
    fewest = min((need for smaller in range(1, size + 1) if (need := _need(rule, future, smaller)) <= smaller),
                 default=None)
    if fewest is None:
        return 0, 0
    own = _need(rule, future, size)
    return size - fewest + _FOUND_BY, size - own + _FOUND_BY if own <= size else 0


def _postings(mentions: Iterable[tuple[int, EventMention]]) -> Iterable[Posting]:
    """The index entries of these mentions: their first words, rarest first (`_extent`), each marked `head` if
    early enough for links to larger mentions."""
    for key, mention in mentions:
        indexed, head = _extent(mention.rule, mention.future, len(mention.terms))
        if mention.width > MAX_GROUP_WIDTH or not indexed:
            continue
        first, last, size = mention.earliest.toordinal(), mention.latest.toordinal(), len(mention.terms)
        ordered = sorted(mention.terms, key=lambda word: (_RANK.get(word, 0), word))
        for position, word in enumerate(ordered[:indexed]):
            yield word, first, key, last, size, int(position < head)


def _index_stored(conn: sqlite3.Connection) -> None:
    """Index every stored mention, once, in a store made before the index existed."""
    after = 0
    while chunk := mentions_after(conn, after, 5000):
        put_words(conn, _postings(chunk.items()))
        after = max(chunk)
    mark_words_complete(conn)


def link_events(conn: sqlite3.Connection, article_ids: Sequence[str]) -> int:
    """Link the mentions of the newly stored `article_ids` to every stored mention (new ones included) they may
    share a happening with: the pairs `grouping.overlap` links, found through the word index. Return how many
    links were recorded."""
    if not words_complete(conn):
        _index_stored(conn)
    fresh = mentions_of(conn, article_ids)
    keys = sorted(fresh)
    fresh_words = {key: mention.terms for key, mention in fresh.items()}
    links: dict[tuple[int, int], tuple[int, int]] = {}
    postings = [list(_postings([(key, fresh[key])])) for key in keys]
    put_words(conn, (posting for entries in postings for posting in entries))
    for start in range(0, len(keys), _CHUNK):  # a mention's entries all in one look-up: each pair counts them all
        pairs = sharing_words(conn, (posting for entries in postings[start:start + _CHUNK] for posting in entries),
                              MAX_GROUP_WIDTH, _FOUND_BY)
        words = terms_with_ids(conn, {other for _, other in pairs if other not in fresh})
        words.update(fresh_words)
        close = [(new, other, shared) for new, other in pairs if new != other and other in words
                 and (shared := len(words[new] & words[other])) >= MIN_SHARED]
        stored = mentions_with_ids(conn, {other for _, other, _ in close if other not in fresh})
        stored.update(fresh)
        for new, other, shared in close:
            smaller = min(len(words[new]), len(words[other]))
            if linked(stored[new], stored[other], shared, smaller):
                links[min(new, other), max(new, other)] = (shared, smaller)
    put_links(conn, [(a, b, shared, smaller) for (a, b), (shared, smaller) in links.items()])
    return len(links)
