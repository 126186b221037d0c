-- Views over the warehouse tables (which are themselves views over Parquet, made by
-- etl.warehouse). Re-runnable: every statement is CREATE OR REPLACE. Columns: README "Views".

-- Events that may be summed: not a part of a coordinated-group total and not an earlier,
-- superseded figure of an updated toll (part_of is null). Those rows are written to event_parts,
-- so this is all of events; it still filters for warehouses written before that split.
CREATE OR REPLACE VIEW countable_events AS
SELECT *
FROM events
WHERE part_of IS NULL;

-- Which event rows each incident merged (one row per link).
CREATE OR REPLACE VIEW incident_events AS
SELECT incident_id, unnest(event_ids) AS event_id
FROM incidents;

-- Incidents per month, country, measure and actor: the grain every trend view rolls up.
CREATE OR REPLACE VIEW trend_monthly AS
SELECT
    date_trunc('month', period_start)::DATE AS period,
    country_code,
    measure,
    actor,
    count(*) AS incidents,
    sum(n_reports) AS reports,
    sum(value_low) AS total_low,
    sum(value_best) AS total_best,
    sum(value_high) AS total_high
FROM incidents
WHERE period_start IS NOT NULL
GROUP BY ALL;

-- Per country and measure, by month, quarter and year, with the previous period's best total,
-- the change, and (for months) a rolling three-month sum. One macro holds the rule; each grain
-- is a view over it.
CREATE OR REPLACE MACRO country_trend(grain) AS TABLE
WITH g AS (
    SELECT date_trunc(grain, period)::DATE AS period, country_code, measure, sum(incidents) AS incidents,
           sum(total_low) AS total_low, sum(total_best) AS total_best, sum(total_high) AS total_high
    FROM trend_monthly
    GROUP BY ALL
)
SELECT *, lag(total_best) OVER w AS previous_best, total_best - lag(total_best) OVER w AS change
FROM g
WINDOW w AS (PARTITION BY country_code, measure ORDER BY period);

CREATE OR REPLACE VIEW trend_country_month AS
SELECT
    *,
    sum(total_best) OVER (PARTITION BY country_code, measure ORDER BY period
                          RANGE BETWEEN INTERVAL 2 MONTH PRECEDING AND CURRENT ROW) AS rolling_3m_best
FROM country_trend('month');

CREATE OR REPLACE VIEW trend_country_quarter AS
SELECT * FROM country_trend('quarter');

CREATE OR REPLACE VIEW trend_country_year AS
SELECT year(period) AS year, * EXCLUDE (period) FROM country_trend('year');

-- Per actor and measure by year.
CREATE OR REPLACE VIEW trend_actor_year AS
SELECT
    year(period) AS year, coalesce(actor, '(unattributed)') AS actor, measure,
    sum(incidents) AS incidents, sum(total_low) AS total_low, sum(total_best) AS total_best,
    sum(total_high) AS total_high
FROM trend_monthly
GROUP BY ALL;

-- Totals that sources themselves report for a period ("1,081 killed in 2024"): shown beside
-- computed sums, never added to them. Every distinct figure an article states is a claim of its
-- own (an article may give 1,612 killed overall and 1,081 of them civilians and security forces),
-- so this reads the aggregate rows of events and of event_parts; a figure restated in the same
-- article appears once, with its change when any statement gave one.
CREATE OR REPLACE VIEW reported_aggregates AS
SELECT
    event_id, article_id, source, published, measure, subject, value_low, value_best, value_high,
    period_start, period_end, granularity, country_code, actor,
    change_pct, change_direction, base_period_start, base_period_end, base_value, evidence
FROM (SELECT * FROM events UNION ALL BY NAME SELECT * FROM event_parts)
WHERE scope = 'aggregate'
QUALIFY row_number() OVER (
    PARTITION BY article_id, measure, value_best, period_start, period_end, country_code
    ORDER BY change_pct IS NULL, part_of IS NOT NULL, char_start
) = 1;

-- Reported vs computed: each reported period total set against the warehouse's own incident sums
-- for the same measure, country and period (and its base period when a change is claimed).
-- coverage = computed / reported; a flag names the disagreement. Our incidents cover only the
-- articles ingested, so coverage below 1 usually means missing reports, not a wrong claim.
CREATE OR REPLACE VIEW reported_vs_computed AS
WITH sums AS (
    SELECT
        a.event_id,
        (SELECT sum(i.value_best) FROM incidents i
          WHERE i.measure = a.measure AND i.country_code IS NOT DISTINCT FROM a.country_code
            AND i.period_start BETWEEN a.period_start AND a.period_end) AS computed_best,
        (SELECT sum(i.value_best) FROM incidents i
          WHERE i.measure = a.measure AND i.country_code IS NOT DISTINCT FROM a.country_code
            AND i.period_start BETWEEN a.base_period_start AND a.base_period_end) AS computed_base
    FROM reported_aggregates a
)
SELECT
    a.event_id, a.source, a.published, a.measure, a.subject, a.country_code, a.period_start, a.period_end,
    a.granularity, a.value_best AS reported_best, s.computed_best,
    round(s.computed_best / nullif(a.value_best, 0), 3) AS coverage,
    a.change_pct AS reported_change_pct, a.change_direction, a.base_period_start, a.base_period_end,
    a.base_value AS implied_base, s.computed_base,
    round(100.0 * (s.computed_best - s.computed_base) / nullif(s.computed_base, 0), 1) AS computed_change_pct,
    CASE
        WHEN s.computed_best IS NULL THEN 'no incidents in warehouse for this period'
        WHEN s.computed_best > a.value_best * 1.05 THEN 'computed exceeds reported total'
        WHEN a.change_pct IS NOT NULL AND s.computed_base IS NOT NULL AND s.computed_base > 0
             AND sign(s.computed_best - s.computed_base) <> (CASE a.change_direction WHEN 'down' THEN -1 ELSE 1 END)
            THEN 'computed change has the opposite direction'
        WHEN s.computed_best < a.value_best * 0.5 THEN 'computed covers under half of reported total'
        ELSE 'consistent'
    END AS flag,
    a.evidence
FROM reported_aggregates a
JOIN sums s USING (event_id);
