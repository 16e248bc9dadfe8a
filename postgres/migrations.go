package postgres

// migrations are applied in order, each in its own transaction under an
// advisory lock, and recorded in schema_migrations. Never edit a migration
// that has shipped: append a new one instead.
var migrations = []string{
	// 1: documents (every stored version; the latest of each ID is indexed
	// for search through a generated tsvector) and the report history.
	`
CREATE TABLE docs (
	rid             BIGSERIAL PRIMARY KEY,
	hash            TEXT COLLATE "C" NOT NULL,
	id              TEXT COLLATE "C" NOT NULL,
	version         INTEGER NOT NULL,
	latest          BOOLEAN NOT NULL DEFAULT true,
	source          TEXT NOT NULL DEFAULT '',
	url             TEXT NOT NULL DEFAULT '',
	title           TEXT NOT NULL DEFAULT '',
	outlet          TEXT NOT NULL DEFAULT '',
	author          TEXT NOT NULL DEFAULT '',
	published       TEXT NOT NULL DEFAULT '',
	published_basis TEXT NOT NULL DEFAULT '',
	title_from_text BOOLEAN NOT NULL DEFAULT false,
	text            TEXT NOT NULL DEFAULT '',
	html            TEXT NOT NULL DEFAULT '',
	-- stripped: the visible text of html when text is empty (search only).
	stripped        TEXT NOT NULL DEFAULT '',
	-- title_fold, body_fold: title and body with diacritics removed, stored
	-- only when folding changed something ('' otherwise).
	title_fold      TEXT NOT NULL DEFAULT '',
	body_fold       TEXT NOT NULL DEFAULT '',
	added_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
	tsv tsvector GENERATED ALWAYS AS (
		CASE WHEN latest THEN
			setweight(to_tsvector('english', left(CASE WHEN title_fold <> '' THEN title_fold ELSE title END, 100000)), 'A') ||
			setweight(to_tsvector('english', left(CASE WHEN body_fold <> '' THEN body_fold
				WHEN text <> '' THEN text ELSE stripped END, 1000000)), 'B')
		END
	) STORED
);
CREATE UNIQUE INDEX docs_hash ON docs (hash);
CREATE UNIQUE INDEX docs_id_version ON docs (id, version);
CREATE UNIQUE INDEX docs_latest ON docs (id) WHERE latest;
CREATE INDEX docs_tsv ON docs USING GIN (tsv) WHERE latest;

CREATE TABLE reports (
	seq        BIGSERIAL PRIMARY KEY,
	doc_count  INTEGER NOT NULL,
	saved_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
	json       BYTEA NOT NULL
);
`,
	// 2: per-document analysis cache (accord.DocCache), keyed by content hash
	// and pipeline version; annotation_version records the version in use so
	// that switching versions drops the old rows once, not at every save.
	`
CREATE TABLE annotations (
	hash    TEXT COLLATE "C" NOT NULL,
	version TEXT COLLATE "C" NOT NULL,
	doc     BYTEA NOT NULL,
	PRIMARY KEY (hash, version)
);
CREATE TABLE annotation_version (
	version TEXT PRIMARY KEY
);
`,
	// 3: corpus-stage state between runs (accord.StateStore).
	`
CREATE TABLE stage_state (
	stage   TEXT COLLATE "C" NOT NULL,
	key     TEXT COLLATE "C" NOT NULL,
	version TEXT COLLATE "C" NOT NULL,
	value   BYTEA NOT NULL,
	PRIMARY KEY (stage, key)
);
`,
}
