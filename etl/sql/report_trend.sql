-- Trend report over incidents (one row per real-world incident, merged across reports): per
-- period, totals (low/best/high) of one measure, incidents, reports and distinct sources, and the
-- change from the previous period. Reported period totals are in `reported_aggregates`, not here.
-- Parameters: $by ('year' | 'quarter' | 'month'), $measure, $country (ISO3 or NULL for all).
WITH base AS (
    SELECT date_trunc($by, period_start)::DATE AS period, *
    FROM incidents
    WHERE measure = $measure
      AND ($country IS NULL OR country_code = $country)
      AND period_start IS NOT NULL
),
per_period AS (
    SELECT
        period,
        sum(value_low) AS total_low,
        sum(value_best) AS total_best,
        sum(value_high) AS total_high,
        count(*) AS incidents,
        sum(n_reports) AS reports,
        string_agg(DISTINCT country_code, ',' ORDER BY country_code) AS countries
    FROM base
    GROUP BY period
),
per_period_sources AS (
    SELECT period, count(DISTINCT s.source) AS sources
    FROM base, unnest(base.sources) AS s(source)
    GROUP BY period
)
SELECT
    CASE $by
        WHEN 'year' THEN strftime(period, '%Y')
        WHEN 'quarter' THEN strftime(period, '%Y') || '-Q' || quarter(period)
        ELSE strftime(period, '%Y-%m')
    END AS period,
    total_low,
    total_best,
    total_high,
    incidents,
    reports,
    sources,
    total_best - lag(total_best) OVER (ORDER BY per_period.period) AS change,
    round(100.0 * (total_best - lag(total_best) OVER (ORDER BY per_period.period))
          / nullif(lag(total_best) OVER (ORDER BY per_period.period), 0), 1) AS change_pct,
    countries
FROM per_period
JOIN per_period_sources USING (period)
ORDER BY per_period.period;
