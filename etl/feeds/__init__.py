"""Feeds: RSS 2.0, Atom and JSON Feed sources polled on a schedule (`etl run --sources FILE`).

Modules: ``sources`` (the sources file, checked with line numbers), ``fetch`` (HTTP with hard
limits), ``robots`` (robots.txt for article pages), ``entries`` (feed bodies to entries),
``documents`` (fetched documents to Articles, shared with ``etl reprocess``), ``raw`` (the raw area),
``state`` (per-feed memory between runs), ``poll`` (the loop) and ``commands`` (CLI pieces).
See docs/feeds.md.
"""
