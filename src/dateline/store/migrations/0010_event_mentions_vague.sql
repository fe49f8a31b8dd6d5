-- Vague event dates (wider than a day) indexed on their own, so linking a new day's mentions finds the weeks and
-- months around it without scanning every sentence of those weeks.
CREATE INDEX event_mentions_vague ON event_mentions(earliest) WHERE width > 1;
