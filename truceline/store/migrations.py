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
]

# -- linking across reports (truceline/link): its own tables, written only by the link stage ----------------------
LINK_MIGRATIONS: list[tuple[str, str]] = [
    (
        "0100_link_reports_stories_clusters",
        """
        CREATE TABLE link_state (
            key TEXT PRIMARY KEY,          -- reports (how many are linked), seq (the last order number given)
            value INTEGER NOT NULL
        );

        CREATE TABLE link_reports (
            -- no foreign key: re-processing an article replaces its row in articles, and linking must still see
            -- what it had contributed (to take it back) before linking the new analysis
            article_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,          -- the order reports were linked in
            processed_at TEXT NOT NULL,    -- the analysis that was linked; a re-processed article is linked again
            date_lo TEXT,                  -- the days the report can be from (null when its date is open)
            date_hi TEXT,
            source TEXT,                   -- the outlet, from metadata or the URL's host
            copy_of TEXT NOT NULL,         -- the first report of its group of near-copies (itself when it has none)
            copy_similarity REAL,          -- estimated shingle Jaccard similarity to copy_of
            signature BLOB,                -- MinHash signature (truceline/link/minhash.py)
            terms TEXT NOT NULL,           -- JSON {term: weight}: the report's tf-idf vector when it was linked
            names TEXT NOT NULL,           -- JSON {name: weight}
            lead_names TEXT NOT NULL,      -- JSON list of the names in its headline and lead
            story_id TEXT,
            cluster_id TEXT,
            story_score REAL,              -- the probability the scorer gave the story (1.0 for a story it founded)
            cluster_score REAL
        );
        CREATE INDEX link_reports_copy ON link_reports(copy_of);
        CREATE INDEX link_reports_story ON link_reports(story_id, seq);
        CREATE INDEX link_reports_cluster ON link_reports(cluster_id, seq);

        CREATE TABLE link_lsh (
            band INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            article_id TEXT NOT NULL
        );
        CREATE INDEX link_lsh_bucket ON link_lsh(band, bucket);
        CREATE INDEX link_lsh_article ON link_lsh(article_id);

        CREATE TABLE link_df (
            term TEXT PRIMARY KEY,
            n INTEGER NOT NULL             -- linked reports holding the term
        ) WITHOUT ROWID;

        CREATE TABLE link_stories (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            n_reports INTEGER NOT NULL,
            date_lo TEXT,
            date_hi TEXT,
            centroid TEXT NOT NULL,        -- JSON {term: sum of the members' normalised tf-idf weights}
            names TEXT NOT NULL,           -- JSON {name: members naming it}
            merged_into TEXT               -- set when another story absorbed this one
        );

        CREATE TABLE link_clusters (
            id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            n_reports INTEGER NOT NULL,
            date_lo TEXT,
            date_hi TEXT,
            centroid TEXT NOT NULL,
            names TEXT NOT NULL
        );
        CREATE INDEX link_clusters_story ON link_clusters(story_id, date_lo);

        CREATE TABLE link_keys (
            key TEXT NOT NULL,             -- a term or name of a member report
            bucket INTEGER NOT NULL,       -- the month of that report (months since year 0), -1 when undated
            story_id TEXT NOT NULL,
            PRIMARY KEY (key, bucket, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX link_keys_story ON link_keys(story_id);

        CREATE TABLE link_passages (
            article_id TEXT NOT NULL,
            start INTEGER NOT NULL,        -- character span of the passage in the body
            end INTEGER NOT NULL,
            story_id TEXT NOT NULL,
            score REAL NOT NULL
        );
        CREATE INDEX link_passages_article ON link_passages(article_id);
        CREATE INDEX link_passages_story ON link_passages(story_id);
        """,
    ),
]
LINK_MIGRATIONS.append(
    (
        "0101_link_canonical_events",
        """
        CREATE TABLE link_canonical (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            story_id TEXT,
            cluster_id TEXT,
            type TEXT NOT NULL,
            date_lo TEXT,                  -- the days its mentions allow (null when none is dated)
            date_hi TEXT,
            sort_date TEXT,
            n_mentions INTEGER NOT NULL,
            n_reports INTEGER NOT NULL,
            n_sources INTEGER NOT NULL,    -- independent sources: groups of near-copies, each counted once
            confidence REAL NOT NULL,
            representative TEXT NOT NULL,  -- the event id of the mention that stands for it
            data TEXT NOT NULL             -- JSON: dates, casualty figures with their sources, claims, actors, places
        );
        CREATE INDEX link_canonical_story ON link_canonical(story_id, type, date_lo);
        CREATE INDEX link_canonical_sort ON link_canonical(sort_date);

        CREATE TABLE link_mentions (
            event_id TEXT PRIMARY KEY,     -- an events.id (no foreign key: re-processing replaces events)
            canonical_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            score REAL NOT NULL,           -- how strongly it was matched to the canonical event (1.0 when it founded it)
            data TEXT NOT NULL             -- JSON: the mention as linking reads it (truceline/link/canonical.py)
        );
        CREATE INDEX link_mentions_canonical ON link_mentions(canonical_id);
        CREATE INDEX link_mentions_article ON link_mentions(article_id);
        """,
    )
)
LINK_MIGRATIONS.append(
    (
        "0102_link_agreements",
        """
        CREATE TABLE link_agreements (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            origin TEXT NOT NULL,          -- known (truceline/data/known_dates.yaml) | user (agreements: file) | corpus
            name TEXT NOT NULL,
            kind TEXT NOT NULL,            -- ceasefire | truce | memorandum | protocol | agreement | pause
            signed TEXT,                   -- ISO day (or month / year when only that is known)
            in_force TEXT,
            zone TEXT,                     -- the place it covers, as a name
            zone_country TEXT,             -- ISO-3 of that place (null when unknown)
            status TEXT NOT NULL,          -- proposed | announced | in force | violated | collapsed | extended | superseded
            data TEXT NOT NULL             -- JSON: parties, mediators, terms, cues, aliases, history, supersedes
        );
        CREATE INDEX link_agreements_signed ON link_agreements(signed);
        CREATE INDEX link_agreements_zone ON link_agreements(zone_country, signed);

        CREATE TABLE link_agreement_mentions (
            agreement_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            start INTEGER NOT NULL,        -- the phrase naming the agreement, in the body
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            score REAL NOT NULL,
            how TEXT NOT NULL              -- JSON: the cues that resolved it (name, date, parties, zone, recency)
        );
        CREATE INDEX link_agreement_mentions_agreement ON link_agreement_mentions(agreement_id);
        CREATE INDEX link_agreement_mentions_article ON link_agreement_mentions(article_id);

        CREATE TABLE link_agreement_events (
            agreement_id TEXT NOT NULL,
            event_id TEXT NOT NULL,        -- an events.id whose sentence concerns the agreement
            article_id TEXT NOT NULL,
            relation TEXT NOT NULL         -- announcement | in force | violation | accusation | denial | observance
                                           -- | extension | collapse | rejection | mention
        );
        CREATE INDEX link_agreement_events_agreement ON link_agreement_events(agreement_id);
        CREATE INDEX link_agreement_events_article ON link_agreement_events(article_id);
        """,
    )
)
LINK_MIGRATIONS.append(
    (
        "0103_link_contradictions",
        """
        CREATE TABLE link_contradictions (
            id TEXT PRIMARY KEY,           -- the canonical event's id and the kind (and quantity) disputed
            canonical_id TEXT NOT NULL,
            story_id TEXT,
            kind TEXT NOT NULL,            -- figure | date | denial | doer
            subject TEXT NOT NULL,         -- what is disputed: killed, injured, the day, whether it happened
            data TEXT NOT NULL             -- JSON: the positions, each with its value, who says so and where
        );
        CREATE INDEX link_contradictions_canonical ON link_contradictions(canonical_id);
        CREATE INDEX link_contradictions_story ON link_contradictions(story_id);
        """,
    )
)

LINK_MIGRATIONS.append(
    (
        "0104_link_bounded_lookups",
        """
        -- every per-report lookup of the link stage walks an index and stops at its LIMIT, whatever the corpus size
        -- (truceline/store/link.py): the newest reports of an LSH bucket, a story's largest clusters, the canonical
        -- events of a story and type that end on or after a day, a report's mentions in a canonical event, the
        -- latest report date, and what a story or cluster merge repoints. A mention's candidates are read by the
        -- day they end (link_canonical_ending replaces link_canonical_story, whose range by first day held every
        -- older event of the story)
        ALTER TABLE link_lsh ADD COLUMN seq INTEGER;
        UPDATE link_lsh SET seq = (SELECT l.seq FROM link_reports l WHERE l.article_id = link_lsh.article_id);
        CREATE INDEX link_lsh_recent ON link_lsh(band, bucket, seq);
        CREATE INDEX link_clusters_largest ON link_clusters(story_id, n_reports DESC, seq);
        DROP INDEX link_canonical_story;
        CREATE INDEX link_canonical_ending ON link_canonical(story_id, type, date_hi);
        CREATE INDEX link_canonical_cluster ON link_canonical(cluster_id, date_lo);
        CREATE INDEX link_mentions_canonical_article ON link_mentions(canonical_id, article_id);
        CREATE INDEX link_reports_date_hi ON link_reports(date_hi);
        CREATE INDEX link_stories_merged ON link_stories(merged_into);
        """,
    )
)

MIGRATIONS.extend(LINK_MIGRATIONS)

# -- reading at scale (truceline/web): indexes for the events table's pages and full-text search of evidence ------
MIGRATIONS.append(
    (
        "0004_event_browsing",
        """
        -- the events table's order (store.db Store.events, truceline/web), so a page of 100,000 events is an index walk
        CREATE INDEX events_order ON events(sort_date IS NULL, sort_date, article_id, idx);
        CREATE INDEX events_type ON events(type, sort_date);
        CREATE INDEX events_stance ON events(stance);
        CREATE INDEX events_place ON events(place_name, place_country);

        -- full-text search over the evidence sentences; rows follow the events table by rowid (never VACUUMed)
        CREATE VIRTUAL TABLE events_fts USING fts5(sentence);
        CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
            INSERT INTO events_fts(rowid, sentence) VALUES (new.rowid, json_extract(new.data, '$.sentence'));
        END;
        CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
            DELETE FROM events_fts WHERE rowid = old.rowid;
        END;
        CREATE TRIGGER events_fts_au AFTER UPDATE OF data ON events BEGIN
            DELETE FROM events_fts WHERE rowid = old.rowid;
            INSERT INTO events_fts(rowid, sentence) VALUES (new.rowid, json_extract(new.data, '$.sentence'));
        END;
        INSERT INTO events_fts(rowid, sentence) SELECT rowid, json_extract(data, '$.sentence') FROM events;

        -- who an event's actor and recipient are, in rows (every country code in the party, members of a compound
        -- actor included, and the party's text), so --actor / --recipient read a narrow indexed table instead of
        -- walking every event's JSON; kept by triggers, as the search index is
        CREATE TABLE event_parties (
            event_rowid INTEGER NOT NULL,  -- events.rowid
            role TEXT NOT NULL,            -- actor | recipient
            country TEXT,                  -- a country code found anywhere in the party (null on the text row)
            text TEXT                      -- the party's text as the report wrote it (null on country rows)
        );
        CREATE INDEX event_parties_country ON event_parties(country, role);
        CREATE INDEX event_parties_event ON event_parties(event_rowid);
        CREATE TRIGGER event_parties_ai AFTER INSERT ON events BEGIN
            INSERT INTO event_parties (event_rowid, role, country, text)
                SELECT new.rowid, 'actor', t.value, NULL FROM json_tree(new.data, '$.actor') t
                WHERE t.key = 'country' AND t.type = 'text'
                UNION ALL SELECT new.rowid, 'recipient', t.value, NULL FROM json_tree(new.data, '$.recipient') t
                WHERE t.key = 'country' AND t.type = 'text'
                UNION ALL SELECT new.rowid, 'actor', NULL, json_extract(new.data, '$.actor.text')
                WHERE json_extract(new.data, '$.actor.text') IS NOT NULL
                UNION ALL SELECT new.rowid, 'recipient', NULL, json_extract(new.data, '$.recipient.text')
                WHERE json_extract(new.data, '$.recipient.text') IS NOT NULL;
        END;
        CREATE TRIGGER event_parties_ad AFTER DELETE ON events BEGIN
            DELETE FROM event_parties WHERE event_rowid = old.rowid;
        END;
        CREATE TRIGGER event_parties_au AFTER UPDATE OF data ON events BEGIN
            DELETE FROM event_parties WHERE event_rowid = old.rowid;
            INSERT INTO event_parties (event_rowid, role, country, text)
                SELECT new.rowid, 'actor', t.value, NULL FROM json_tree(new.data, '$.actor') t
                WHERE t.key = 'country' AND t.type = 'text'
                UNION ALL SELECT new.rowid, 'recipient', t.value, NULL FROM json_tree(new.data, '$.recipient') t
                WHERE t.key = 'country' AND t.type = 'text'
                UNION ALL SELECT new.rowid, 'actor', NULL, json_extract(new.data, '$.actor.text')
                WHERE json_extract(new.data, '$.actor.text') IS NOT NULL
                UNION ALL SELECT new.rowid, 'recipient', NULL, json_extract(new.data, '$.recipient.text')
                WHERE json_extract(new.data, '$.recipient.text') IS NOT NULL;
        END;
        INSERT INTO event_parties (event_rowid, role, country, text)
            SELECT e.rowid, 'actor', t.value, NULL FROM events e, json_tree(e.data, '$.actor') t
            WHERE t.key = 'country' AND t.type = 'text'
            UNION ALL SELECT e.rowid, 'recipient', t.value, NULL FROM events e, json_tree(e.data, '$.recipient') t
            WHERE t.key = 'country' AND t.type = 'text'
            UNION ALL SELECT rowid, 'actor', NULL, json_extract(data, '$.actor.text') FROM events
            WHERE json_extract(data, '$.actor.text') IS NOT NULL
            UNION ALL SELECT rowid, 'recipient', NULL, json_extract(data, '$.recipient.text') FROM events
            WHERE json_extract(data, '$.recipient.text') IS NOT NULL;
        """,
    )
)

# -- agreements at scale (truceline/link/resolve.py): what a refresh reads is indexed and bounded ---------------------
MIGRATIONS.append(
    (
        "0105_link_agreement_lookups",
        """
        -- the day a truce, ceasefire, pause or protocol began (its day in force, else its signing; null for other
        -- kinds): the agreements that can supersede a truce, read from the day after it began, by zone or not
        ALTER TABLE link_agreements ADD COLUMN truce_start TEXT;
        UPDATE link_agreements SET truce_start = COALESCE(in_force, signed)
            WHERE kind IN ('ceasefire', 'truce', 'pause', 'protocol');
        CREATE INDEX link_agreements_truce_start ON link_agreements(truce_start, seq);
        CREATE INDEX link_agreements_zone_truce_start ON link_agreements(zone_country, truce_start, seq);
        -- a report's candidates: the latest agreements of each of its countries (and of unknown zone), up to a limit
        CREATE INDEX link_agreements_zone_signed ON link_agreements(zone_country, signed, seq);
        DROP INDEX link_agreements_zone;
        -- whether an agreement has a link of a relation (its status), and an article's links to it (its terms)
        CREATE INDEX link_agreement_events_relation ON link_agreement_events(agreement_id, relation);
        CREATE INDEX link_agreement_events_article_agreement ON link_agreement_events(article_id, agreement_id, relation);
        """,
    )
)

# -- the LSH bands in one B-tree (truceline/link/copies.py): what a report's 32 band rows cost to write -------------
MIGRATIONS.append(
    (
        "0106_link_lsh_one_tree",
        """
        -- a report's band rows were written into four B-trees (the rowid table, link_lsh_bucket on (band, bucket),
        -- which link_lsh_recent made redundant, link_lsh_article and link_lsh_recent), two of them at random pages
        -- of trees that grow with the corpus, so a transaction's commit wrote more pages the larger the store. Keyed
        -- by what the lookup reads (a bucket's newest first), the rows are one tree; a report's rows are deleted by
        -- their key, its bands recomputed from the signature its link_reports row keeps (store/link.py
        -- forget_report). On PostgreSQL the key is the primary key, whose index the lookup walks
        CREATE TABLE link_lsh_keyed (
            band INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            seq INTEGER NOT NULL,          -- the report's link order (link_reports.seq): a bucket is read newest first
            article_id TEXT NOT NULL,
            PRIMARY KEY (band, bucket, seq, article_id)
        ) WITHOUT ROWID;
        INSERT INTO link_lsh_keyed (band, bucket, seq, article_id)
            SELECT band, bucket, COALESCE(seq, 0), article_id FROM link_lsh;
        DROP TABLE link_lsh;
        ALTER TABLE link_lsh_keyed RENAME TO link_lsh;
        """,
    )
)

# -- what is left to link, kept by the database (truceline/store/link.py pending_ids) ---------------------------------
# The reports to link were found by joining every article to its link_reports row, on each call (a run calls it for
# each of its link windows): 0.24 s at 100,000 reports, whatever the run's size. The queue holds exactly the articles
# that join gave (no link_reports row, or one of another analysis: processed_at differs), kept so by triggers on both
# tables in the transaction that changes them, so it is right after a kill as the tables are.
LINK_QUEUE_REQUEUE = """
            DELETE FROM link_queue WHERE article_id = {id};
            INSERT INTO link_queue (article_id)
                SELECT a.id FROM articles a LEFT JOIN link_reports l ON l.article_id = a.id
                WHERE a.id = {id} AND (l.article_id IS NULL OR l.processed_at != a.processed_at);"""
MIGRATIONS.append(
    (
        "0107_link_pending_queue",
        f"""
        CREATE TABLE link_queue (
            article_id TEXT PRIMARY KEY    -- an article not linked, or linked from another analysis of it
        ) WITHOUT ROWID;
        INSERT INTO link_queue (article_id)
            SELECT a.id FROM articles a LEFT JOIN link_reports l ON l.article_id = a.id
            WHERE l.article_id IS NULL OR l.processed_at != a.processed_at;
        CREATE TRIGGER link_queue_articles_ai AFTER INSERT ON articles BEGIN{LINK_QUEUE_REQUEUE.format(id="new.id")}
        END;
        CREATE TRIGGER link_queue_articles_au AFTER UPDATE OF id, processed_at ON articles BEGIN{
            LINK_QUEUE_REQUEUE.format(id="old.id")
        }{LINK_QUEUE_REQUEUE.format(id="new.id")}
        END;
        CREATE TRIGGER link_queue_articles_ad AFTER DELETE ON articles BEGIN
            DELETE FROM link_queue WHERE article_id = old.id;
        END;
        CREATE TRIGGER link_queue_reports_ai AFTER INSERT ON link_reports BEGIN{
            LINK_QUEUE_REQUEUE.format(id="new.article_id")
        }
        END;
        CREATE TRIGGER link_queue_reports_au AFTER UPDATE OF article_id, processed_at ON link_reports BEGIN{
            LINK_QUEUE_REQUEUE.format(id="old.article_id")
        }{LINK_QUEUE_REQUEUE.format(id="new.article_id")}
        END;
        CREATE TRIGGER link_queue_reports_ad AFTER DELETE ON link_reports BEGIN{
            LINK_QUEUE_REQUEUE.format(id="old.article_id")
        }
        END;
        """,
    )
)

# -- the days an event cluster's reports can be from (truceline/link/cluster.py) --------------------------------------
MIGRATIONS.append(
    (
        "0108_link_cluster_bounds",
        """
        -- the first and last day the cluster's reports can be from, by their stated dates or the bounds their text
        -- gives (however wide): a report bounded to other days never joins it, nor does a cluster of other days
        -- merge with it. Clusters linked before have none (NULL: nothing known), as a report bounded by nothing
        ALTER TABLE link_clusters ADD COLUMN bound_lo TEXT;
        ALTER TABLE link_clusters ADD COLUMN bound_hi TEXT;
        """,
    )
)

# -- what kinds of happening an event cluster's reports lead with (truceline/link/features.py lead_kinds) -------------
MIGRATIONS.append(
    (
        "0109_link_lead_kinds",
        """
        -- a report's kinds of happening told in its lead (a JSON list of "made", "in force", "extended",
        -- "attack"), and how many of a cluster's reports lead with each (a JSON object): a report a day or more
        -- after a cluster's first day whose lead tells another act of a truce than the cluster's reports, or a
        -- truce act against attacks alone, is another happening (truceline/link/cluster.py other_kind). Rows
        -- linked before have none (NULL: nothing known, no rule)
        ALTER TABLE link_reports ADD COLUMN kinds TEXT;
        ALTER TABLE link_clusters ADD COLUMN kinds TEXT;
        """,
    )
)
