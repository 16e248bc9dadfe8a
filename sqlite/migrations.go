package sqlite

// migrations are applied in order, each in its own transaction, and recorded
// in schema_migrations. Never edit a migration that has shipped: append a new
// one instead.
var migrations = []string{
	// 1: documents (every stored version), the search view and FTS index kept
	// in sync by triggers, and the report history.
	`
CREATE TABLE docs (
	rid             INTEGER PRIMARY KEY,
	hash            TEXT    NOT NULL,
	id              TEXT    NOT NULL,
	version         INTEGER NOT NULL,
	latest          INTEGER NOT NULL DEFAULT 1 CHECK (latest IN (0, 1)),
	source          TEXT    NOT NULL DEFAULT '',
	url             TEXT    NOT NULL DEFAULT '',
	title           TEXT    NOT NULL DEFAULT '',
	outlet          TEXT    NOT NULL DEFAULT '',
	author          TEXT    NOT NULL DEFAULT '',
	published       TEXT    NOT NULL DEFAULT '',
	published_basis TEXT    NOT NULL DEFAULT '',
	title_from_text INTEGER NOT NULL DEFAULT 0,
	text            TEXT    NOT NULL DEFAULT '',
	html            TEXT    NOT NULL DEFAULT '',
	stripped        TEXT    NOT NULL DEFAULT '',
	added_at        TEXT    NOT NULL
);
CREATE UNIQUE INDEX docs_hash ON docs(hash);
CREATE UNIQUE INDEX docs_id_version ON docs(id, version);
CREATE UNIQUE INDEX docs_latest ON docs(id) WHERE latest = 1;

CREATE VIEW docs_search AS
	SELECT rid, title, CASE WHEN text <> '' THEN text ELSE stripped END AS body
	FROM docs WHERE latest = 1;

CREATE VIRTUAL TABLE docs_fts USING fts5(
	title, body,
	content = 'docs_search', content_rowid = 'rid',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO docs_fts(docs_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

CREATE TRIGGER docs_ai AFTER INSERT ON docs WHEN new.latest = 1 BEGIN
	INSERT INTO docs_fts(rowid, title, body) VALUES (new.rid, new.title,
		CASE WHEN new.text <> '' THEN new.text ELSE new.stripped END);
END;
CREATE TRIGGER docs_au_off AFTER UPDATE OF latest ON docs WHEN old.latest = 1 AND new.latest = 0 BEGIN
	INSERT INTO docs_fts(docs_fts, rowid, title, body) VALUES ('delete', old.rid, old.title,
		CASE WHEN old.text <> '' THEN old.text ELSE old.stripped END);
END;
CREATE TRIGGER docs_au_on AFTER UPDATE OF latest ON docs WHEN old.latest = 0 AND new.latest = 1 BEGIN
	INSERT INTO docs_fts(rowid, title, body) VALUES (new.rid, new.title,
		CASE WHEN new.text <> '' THEN new.text ELSE new.stripped END);
END;
CREATE TRIGGER docs_ad AFTER DELETE ON docs WHEN old.latest = 1 BEGIN
	INSERT INTO docs_fts(docs_fts, rowid, title, body) VALUES ('delete', old.rid, old.title,
		CASE WHEN old.text <> '' THEN old.text ELSE old.stripped END);
END;
-- Stored content never changes in place (the FTS index depends on it): a new
-- content is a new row.
CREATE TRIGGER docs_immutable BEFORE UPDATE OF rid, hash, id, version, title, text, html, stripped ON docs BEGIN
	SELECT RAISE(ABORT, 'accord: stored document content is immutable');
END;

CREATE TABLE reports (
	seq        INTEGER PRIMARY KEY AUTOINCREMENT,
	doc_count  INTEGER NOT NULL,
	saved_at   TEXT    NOT NULL,
	json       BLOB    NOT NULL
);
`,
	// 2: index the FTS table from Put's own statements instead of triggers.
	// An FTS5 write inside a trigger runs under a statement savepoint, and
	// FTS5 flushes its pending terms at every savepoint: one segment per
	// document, then endless merging (3x slower ingest). Put keeps the index
	// in sync in the same transaction; RebuildIndex rebuilds it from docs.
	`
DROP TRIGGER IF EXISTS docs_ai;
DROP TRIGGER IF EXISTS docs_au_off;
DROP TRIGGER IF EXISTS docs_au_on;
DROP TRIGGER IF EXISTS docs_ad;
`,
	// 3: per-document analysis results, keyed by content hash and pipeline
	// version, so that re-analysis runs per-document stages on new documents
	// only.
	`
CREATE TABLE annotations (
	hash    TEXT NOT NULL,
	version TEXT NOT NULL,
	doc     BLOB NOT NULL,
	PRIMARY KEY (hash, version)
) WITHOUT ROWID;
`,
	// 4: corpus-stage state between runs (accord.StateStore): the copy
	// index's per-document signatures, story assignments.
	`
CREATE TABLE stage_state (
	stage   TEXT NOT NULL,
	key     TEXT NOT NULL,
	version TEXT NOT NULL,
	value   BLOB NOT NULL,
	PRIMARY KEY (stage, key)
) WITHOUT ROWID;
`,
}
