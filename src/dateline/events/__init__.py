"""Events: what the news says happened when, who reported it first, and how expected dates moved.

    dating      every sentence's dated event mentions (own time expressions, else the publication date)
    terms       the content words two reports of one happening share
    grouping    the pairwise "same happening" evidence and decision, and the events they make
    corpus      the ingest-time step that links new mentions to stored ones
    record      events as of a date: date, representative sentence, first report, sources
    revisions   scheduled events and the history of their expected date
    candidates  the dated sentences a timeline about a query or an entity is made of
    cited       the published timeline: summarized dates with their sources, and phases
"""

from dateline.events.dating import EventMention, Rule, date_sentences

__all__ = ["EventMention", "Rule", "date_sentences"]
