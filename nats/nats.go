// Package nats distributes Accord's per-document work over NATS JetStream.
//
// A Publisher (accord ingest --nats URL) sends every accord.Input as JSON to a
// JetStream stream, with the content hash as Nats-Msg-Id so that the server
// drops a re-published document inside its duplicate window. Workers
// (accord worker --nats URL --db STORE) share one durable pull consumer: each
// fetches a batch, decodes it, puts it into the store in one transaction and
// only then acks every message of the batch. Delivery is at-least-once; the
// store's content-hash keys make the writes idempotent, so a worker killed
// mid-batch loses nothing (its unacked messages are redelivered after AckWait)
// and duplicates nothing (a redelivered document is skipped by hash).
//
// Corpus-level stages (copies, stories, corroboration) need every document:
// they run once, over the store, in a single coordinator step (accord analyze
// --db STORE), so the final report equals a single-process run on the same
// input.
package nats

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/accord-news/accord"
)

// Config names the stream and consumer. The zero value uses the defaults.
type Config struct {
	Stream   string        // default "ACCORD_DOCS"
	Subject  string        // default "accord.docs"
	Consumer string        // durable consumer shared by workers; default "accord-workers"
	AckWait  time.Duration // redelivery delay of an unacked message; default 60s
	// Duplicates is the server's de-duplication window for Nats-Msg-Id;
	// default 10 minutes.
	Duplicates time.Duration
	// Replicas of the stream in a clustered deployment; default 1.
	Replicas int
}

func (c Config) withDefaults() Config {
	if c.Stream == "" {
		c.Stream = "ACCORD_DOCS"
	}
	if c.Subject == "" {
		c.Subject = "accord.docs"
	}
	if c.Consumer == "" {
		c.Consumer = "accord-workers"
	}
	if c.AckWait <= 0 {
		c.AckWait = 60 * time.Second
	}
	if c.Duplicates <= 0 {
		c.Duplicates = 10 * time.Minute
	}
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	return c
}

// Connect dials a NATS server with settings suited to long-running workers.
func Connect(url, name string) (*natsgo.Conn, error) {
	nc, err := natsgo.Connect(url, natsgo.Name(name), natsgo.MaxReconnects(-1),
		natsgo.ReconnectWait(time.Second))
	if err != nil {
		return nil, fmt.Errorf("nats: connect %s: %w", url, err)
	}
	return nc, nil
}

// ensureStream returns the stream, creating it when it is missing and
// updating it only when its configuration differs from cfg. Workers start
// concurrently with each other and with consumers being created: an update
// that changes nothing still rewrites the server's stream store, which races
// with consumer creation inside the server, so an existing stream that
// already matches is left alone.
func ensureStream(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.Stream, error) {
	want := jetstream.StreamConfig{
		Name:       cfg.Stream,
		Subjects:   []string{cfg.Subject},
		Storage:    jetstream.FileStorage,
		Retention:  jetstream.WorkQueuePolicy,
		Duplicates: cfg.Duplicates,
		Replicas:   cfg.Replicas,
	}
	st, err := js.Stream(ctx, cfg.Stream)
	switch {
	case err == nil:
		if streamMatches(st.CachedInfo().Config, want) {
			return st, nil
		}
		st, err = js.UpdateStream(ctx, want)
	case errors.Is(err, jetstream.ErrStreamNotFound):
		st, err = js.CreateStream(ctx, want)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			// Another process created it first.
			return ensureStream(ctx, js, cfg)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("nats: stream %s: %w", cfg.Stream, err)
	}
	return st, nil
}

// streamMatches reports whether the existing configuration has every setting
// ensureStream asks for.
func streamMatches(have, want jetstream.StreamConfig) bool {
	return slices.Equal(have.Subjects, want.Subjects) && have.Storage == want.Storage &&
		have.Retention == want.Retention && have.Duplicates == want.Duplicates &&
		have.Replicas == want.Replicas
}

// Publisher sends inputs to the stream.
type Publisher struct {
	js  jetstream.JetStream
	cfg Config
	n   int
}

// maxPending bounds the unacknowledged asynchronous publishes.
const maxPending = 4096

// NewPublisher ensures the stream exists and returns a publisher on nc.
func NewPublisher(ctx context.Context, nc *natsgo.Conn, cfg Config) (*Publisher, error) {
	cfg = cfg.withDefaults()
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(maxPending))
	if err != nil {
		return nil, fmt.Errorf("nats: %w", err)
	}
	if _, err := ensureStream(ctx, js, cfg); err != nil {
		return nil, err
	}
	return &Publisher{js: js, cfg: cfg}, nil
}

// Publish sends one input asynchronously, with its content hash as the
// message ID. Call Flush to wait until the server has stored everything.
func (p *Publisher) Publish(ctx context.Context, in *accord.Input) error {
	if in == nil {
		return nil
	}
	b, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("nats: encode %s: %w", in.ID, err)
	}
	for {
		_, err = p.js.PublishAsync(p.cfg.Subject, b, jetstream.WithMsgID(in.Hash()))
		if !errors.Is(err, jetstream.ErrTooManyStalledMsgs) {
			break
		}
		if err := p.Flush(ctx); err != nil {
			return err
		}
	}
	if err != nil {
		return fmt.Errorf("nats: publish %s: %w", in.ID, err)
	}
	p.n++
	return nil
}

// Flush waits until the server acknowledged every published input.
func (p *Publisher) Flush(ctx context.Context) error {
	select {
	case <-p.js.PublishAsyncComplete():
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// Published is how many inputs were published.
func (p *Publisher) Published() int { return p.n }
