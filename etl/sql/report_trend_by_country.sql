-- Per period and country: low/best/high totals of one measure over incidents (for the plot).
-- Parameters: $by, $measure, $country (ISO3 or NULL for all).
SELECT
    date_trunc($by, period_start)::DATE AS period,
    coalesce(country_code, 'unknown') AS country_code,
    sum(value_low) AS total_low,
    sum(value_best) AS total_best,
    sum(value_high) AS total_high
FROM incidents
WHERE measure = $measure
  AND ($country IS NULL OR country_code = $country)
  AND period_start IS NOT NULL
GROUP BY ALL
ORDER BY period, country_code;
