-- Trend report: per period, totals (low/best/high) of one measure over incident-scope events,
-- the number of events and distinct sources, and the change from the previous period.
-- Parameters: $by ('year' | 'quarter' | 'month'), $measure, $country (ISO3 or NULL for all).
WITH base AS (
    SELECT
        date_trunc($by, period_start)::DATE AS period,
        coalesce(value_low, value_best) AS low,
        value_best AS best,
        coalesce(value_high, value_best) AS high,
        article_id,
        coalesce(source, article_id) AS source_key
    FROM trend_events
    WHERE measure = $measure
      AND ($country IS NULL OR country_code = $country)
      AND period_start IS NOT NULL
),
per_period AS (
    SELECT
        period,
        sum(low) AS total_low,
        sum(best) AS total_best,
        sum(high) AS total_high,
        count(*) AS events,
        count(DISTINCT source_key) AS sources
    FROM base
    GROUP BY period
)
SELECT
    period,
    total_low,
    total_best,
    total_high,
    events,
    sources,
    total_best - lag(total_best) OVER (ORDER BY period) AS change,
    round(100.0 * (total_best - lag(total_best) OVER (ORDER BY period))
          / nullif(lag(total_best) OVER (ORDER BY period), 0), 1) AS change_pct
FROM per_period
ORDER BY period;
