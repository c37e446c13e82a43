"""Schema versions of the SQLite store. ``PRAGMA user_version`` records the version applied.

Each entry upgrades the schema from the version before it; a migration never loses data.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, their sentences, stories.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        url TEXT,
        published TEXT,
        text TEXT NOT NULL,
        seq INTEGER NOT NULL
    );
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        sentences TEXT NOT NULL
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        seq INTEGER NOT NULL
    );
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    """,
    # 2: clustering features and near-duplicate groups. Articles stored under version 1
    # have no features yet: the next ingest computes them (Store.missing_features).
    """
    CREATE TABLE features (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    CREATE TABLE duplicates (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        representative_id TEXT NOT NULL REFERENCES articles(id)
    );
    CREATE INDEX duplicates_representative ON duplicates(representative_id);
    """,
    # 3: per-article annotations (dates, facts, quotes, mentions) as JSON. Articles stored
    # before have none: briefing their story parses them again (annotate.ensure_annotated).
    """
    CREATE TABLE annotations (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    """,
    # threads: the events (stories) of one running story, linked (storydesk.threads). A
    # store from before has none: the next ingest links its stories.
    """
    CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        seq INTEGER NOT NULL
    );
    CREATE TABLE story_threads (
        story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
        thread_id TEXT NOT NULL REFERENCES threads(id)
    );
    CREATE INDEX story_threads_thread ON story_threads(thread_id);
    """,
    # 5: articles by the order they were stored, without a scan of the table: each chunk of
    # an ingest reads what other processes stored since its last one.
    """
    CREATE INDEX articles_seq ON articles(seq);
    """,
    # 6: whether an article's text was cut off (by a size cap or the page store). Articles
    # stored before were not marked.
    """
    ALTER TABLE articles ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0;
    """,
    # 7: where an article's date came from ("metadata", "url", "text"; storydesk.dating).
    """
    ALTER TABLE articles ADD COLUMN date_source TEXT;
    """,
    # 8: stable titles and a person's corrections. ``title_basis`` is a digest of the story's
    # article ids when it was titled: the title is computed again only when they change
    # ('' for a story not titled yet; NULL, a story stored before, keeps its title as it is).
    # ``corrections``: merges, splits and moves a person made (storydesk.corrections), kept
    # as constraints that every later re-clustering applies; ``together`` and ``apart`` are
    # JSON lists of article ids.
    """
    ALTER TABLE stories ADD COLUMN title_basis TEXT;
    CREATE TABLE corrections (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        stories TEXT NOT NULL,
        together TEXT NOT NULL,
        apart TEXT NOT NULL
    );
    """,
    # 9: threads relinked where stories changed only (storydesk.threads.link). ``centroids``
    # keeps each story's centroid (``articles`` it was computed over, the entity weight, its
    # sparse row as raw float64 data and int64 column bytes); ``relink`` the stories an
    # ingest or a correction changed since the last linking, and the threads of the stories
    # it dropped. A store from before has no centroids: its next linking computes them all.
    """
    CREATE TABLE centroids (
        story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
        articles INTEGER NOT NULL,
        weight REAL NOT NULL,
        columns BLOB NOT NULL,
        data BLOB NOT NULL
    );
    CREATE TABLE relink (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (kind, id)
    );
    """,
    # 10: ingest's search index, kept in the store so that a run reads only what it needs
    # (storydesk.stored): each clustered article's key words with its day (NULL: undated),
    # each article's LSH band keys (near-duplicates), and one row of document frequencies
    # (the articles indexed up to ``seq``, their number, int32 counts, zlib-compressed). A
    # store from before has none: the next ingest indexes its articles once.
    """
    CREATE TABLE article_keys (
        key INTEGER NOT NULL,
        day REAL,
        content_hash TEXT NOT NULL
    );
    CREATE INDEX article_keys_key_day ON article_keys(key, day);
    CREATE TABLE article_bands (
        band BLOB NOT NULL,
        article_id TEXT NOT NULL
    );
    CREATE INDEX article_bands_band ON article_bands(band);
    CREATE TABLE docfreq (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        docs INTEGER NOT NULL,
        counts BLOB NOT NULL
    );
    """,
    # 11: the keys each clustered article searches (storydesk.neighbours.probed, fixed by
    # the frequencies when it was indexed), so that a later article finds it by them too.
    # The index is made again once: the next ingest indexes the stored articles afresh.
    """
    CREATE TABLE article_probes (
        key INTEGER NOT NULL,
        day REAL,
        content_hash TEXT NOT NULL
    );
    CREATE INDEX article_probes_key_day ON article_probes(key, day);
    CREATE INDEX article_probes_hash ON article_probes(content_hash);
    DELETE FROM article_keys;
    DELETE FROM article_bands;
    DELETE FROM docfreq;
    """,
    # 12: the version of the code that computed each article's features
    # (storydesk.model.FEATURES_VERSION). Features stored before are of no known version:
    # the next ingest computes them again from the stored text (Store.missing_features)
    # and indexes the store afresh.
    # And the strong pairs of each article placed (storydesk.cluster.ArticleIndex): a stored
    # article reached again reads them rather than being searched and scored again.
    """
    ALTER TABLE features ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE article_pairs (
        content_hash TEXT NOT NULL,
        other TEXT NOT NULL
    );
    CREATE INDEX article_pairs_hash ON article_pairs(content_hash);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
