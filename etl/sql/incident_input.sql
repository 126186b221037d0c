-- Events the dedup stage merges into incidents: countable (not a part or a superseded figure)
-- and about one incident (not a period total).
SELECT
    event_id, article_id, measure, value_low, value_best, value_high, period_start, period_end,
    granularity, date_source, country_code, location, actor, evidence, published, source
FROM countable_events
WHERE scope = 'incident'
ORDER BY event_id;
