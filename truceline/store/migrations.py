"""Named, recorded schema migrations. Append new ones; never edit one that has shipped."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents_and_articles",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            origin TEXT NOT NULL,
            title TEXT,
            url TEXT,
            published_meta TEXT,
            source TEXT,
            content TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',   -- pending | processed | skipped | failed
            status_reason TEXT
        );
        CREATE INDEX documents_status ON documents(status);

        CREATE TABLE skips (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            origin TEXT NOT NULL,
            reason TEXT NOT NULL,
            stage TEXT NOT NULL,
            at TEXT NOT NULL
        );

        CREATE TABLE articles (
            id TEXT PRIMARY KEY REFERENCES documents(id),
            origin TEXT NOT NULL,
            title TEXT,
            url TEXT,
            source TEXT,
            body TEXT NOT NULL,
            standfirst TEXT,
            dateline TEXT,
            captions TEXT NOT NULL,        -- JSON list of {text, credit}
            bylines TEXT NOT NULL,         -- JSON list
            dropped_lines TEXT NOT NULL,   -- JSON list of {text, reason}
            published TEXT,
            published_earliest TEXT,
            published_latest TEXT,
            published_precision TEXT NOT NULL,
            published_evidence TEXT NOT NULL,  -- JSON list
            processed_at TEXT NOT NULL
        );

        CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rowid');
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
        END;
        """,
    ),
    (
        "0002_extractions",
        """
        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            layer TEXT NOT NULL,           -- time | actor | place | quantity
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT,                    -- TIMEX value, actor code, place name, quantity kind
            data TEXT NOT NULL             -- JSON of the full record
        );
        CREATE INDEX mentions_article ON mentions(article_id, layer);

        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            date TEXT,
            sort_date TEXT,                -- earliest day of the event date, for ordering and --since/--until
            date_precision TEXT NOT NULL,
            stance TEXT NOT NULL,
            actor_name TEXT,
            actor_country TEXT,
            recipient_name TEXT,
            recipient_country TEXT,
            place_name TEXT,
            place_country TEXT,
            killed INTEGER,
            injured INTEGER,
            data TEXT NOT NULL             -- JSON of the exported event object
        );
        CREATE INDEX events_sort ON events(sort_date);
        CREATE INDEX events_article ON events(article_id);

        CREATE TABLE event_links (
            source_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            relation TEXT NOT NULL,
            target_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE
        );
        CREATE INDEX event_links_source ON event_links(source_id);
        """,
    ),
    (
        "0003_event_confidence",
        """
        -- the event's calibrated confidence (truceline.learn.confidence), a column so --min-confidence is a query;
        -- rows stored before this migration keep NULL (they match no --min-confidence) until processed again
        ALTER TABLE events ADD COLUMN confidence REAL;
        CREATE INDEX events_confidence ON events(confidence);
        """,
    ),
    (
        "0004_document_dated_year",
        """
        -- the year a report was dated to the day by its own evidence when processed (0: it was not), so the story hint
        -- a resumed run gives later reports is the one an uninterrupted run gives them; NULL for reports handled
        -- before this migration (their stored article's date stands in)
        ALTER TABLE documents ADD COLUMN dated_year INTEGER;
        """,
    ),
]
