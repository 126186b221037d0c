-- Countable incident-scope events that no incident lists yet (new since the last update, or left
-- by a run that died before updating incidents). Undated events never become incidents: left out.
SELECT measure, country_code
FROM countable_events
WHERE scope = 'incident'
  AND coalesce(period_start, published) IS NOT NULL
  AND event_id NOT IN (SELECT event_id FROM incident_events)
