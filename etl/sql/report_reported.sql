-- Period totals reported by sources for one measure (and country), with the warehouse's own sum
-- for the same period and the flag from reported_vs_computed. Only totals for whole periods of the
-- report's grain ($by: "1,081 killed in 2024" in a yearly report); the view holds them all.
SELECT
    country_code AS country,
    strftime(period_start, '%Y-%m-%d') || '..' || strftime(period_end, '%Y-%m-%d') AS period,
    subject,
    reported_best AS reported,
    computed_best AS computed,
    reported_change_pct AS reported_change,
    computed_change_pct AS computed_change,
    implied_base,
    flag,
    source
FROM reported_vs_computed
WHERE measure = $measure
  AND granularity = $by
  AND ($country IS NULL OR country_code = $country)
ORDER BY period_start, country;
