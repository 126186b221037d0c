-- Every stored article as the extractor needs it (for `etl reprocess`).
SELECT article_id, text, content_sha256, published, published_source, title, source, url, external_id, input
FROM articles
ORDER BY article_id;
