-- Views over the warehouse tables (which are views over Parquet, created by etl.warehouse).
-- Re-runnable: every statement is CREATE OR REPLACE.

-- Events that may be summed: rows that are not a part of a coordinated-group total and not an
-- earlier, superseded figure of an updated toll (part_of is null).
CREATE OR REPLACE VIEW countable_events AS
SELECT *
FROM events
WHERE part_of IS NULL;

-- Incident-scope events by month, country and measure (the raw material of trend reports).
CREATE OR REPLACE VIEW event_trend_month AS
SELECT
    date_trunc('month', period_start)::DATE AS period,
    country_code,
    measure,
    sum(coalesce(value_low, value_best)) AS total_low,
    sum(value_best) AS total_best,
    sum(coalesce(value_high, value_best)) AS total_high,
    count(*) AS events,
    count(DISTINCT coalesce(source, article_id)) AS sources
FROM countable_events
WHERE scope = 'incident' AND period_start IS NOT NULL
GROUP BY ALL;

-- Totals that sources themselves report for a period ("1,081 killed in 2024"): shown beside
-- computed sums, never added to them.
CREATE OR REPLACE VIEW reported_aggregates AS
SELECT
    event_id, article_id, source, published, measure, value_low, value_best, value_high,
    period_start, period_end, granularity, country_code, actor,
    change_pct, change_direction, base_period_start, base_period_end, base_value, evidence
FROM countable_events
WHERE scope = 'aggregate';

-- What trend reports sum: incident-scope events that may be counted.
CREATE OR REPLACE VIEW trend_events AS
SELECT *
FROM countable_events
WHERE scope = 'incident';
