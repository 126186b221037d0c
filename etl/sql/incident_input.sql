-- Events the dedup stage merges into incidents: countable (not a part or a superseded figure)
-- and about one incident (not a period total). Sorted as etl.stages.dedup.iter_incidents needs.
-- {groups}: empty, or a condition keeping only the groups to re-cluster (etl.incidents).
SELECT
    event_id, article_id, measure, value_low, value_best, value_high, period_start, period_end,
    granularity, date_source, country_code, location, actor, evidence, published, source
FROM countable_events
WHERE scope = 'incident' {groups}
ORDER BY measure, coalesce(country_code, ''), coalesce(period_start, published, DATE '0001-01-01'), event_id;
