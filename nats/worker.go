package nats

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/accord-news/accord"
)

// Worker consumes inputs from the stream and stores them.
type Worker struct {
	Store  accord.Store
	Config Config
	// Batch is how many messages one fetch (and one store transaction)
	// takes; default 200.
	Batch int
	// ExitWhenIdle makes Run return once the consumer has nothing pending
	// and nothing awaiting acknowledgement (a batch job); otherwise Run
	// serves until ctx ends.
	ExitWhenIdle bool
	// Process, if set, runs after a batch is stored and before it is acked:
	// the per-document work (e.g. the per-document stages, whose results
	// the store caches). An error leaves the batch unacked (redelivered).
	Process func(ctx context.Context, inputs []*accord.Input) error
	// Log receives warnings (undecodable messages); nil discards them.
	Log *slog.Logger
}

// Stats counts what a worker did.
type Stats struct {
	Messages int // messages fetched and acked (or terminated)
	Added    int // new documents or versions stored
	Bad      int // undecodable messages, terminated
}

// Run fetches, stores and acks until ctx ends (or, with ExitWhenIdle, until
// the work queue is drained). A message is acked only after the store
// transaction holding its document committed.
func (w *Worker) Run(ctx context.Context, nc *natsgo.Conn) (Stats, error) {
	var st Stats
	cfg := w.Config.withDefaults()
	batch := w.Batch
	if batch <= 0 {
		batch = 200
	}
	log := w.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return st, fmt.Errorf("nats: %w", err)
	}
	if _, err := ensureStream(ctx, js, cfg); err != nil {
		return st, err
	}
	cons, err := ensureConsumer(ctx, js, cfg)
	if err != nil {
		return st, err
	}
	for {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		mb, err := cons.Fetch(batch, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			if ctx.Err() != nil {
				return st, ctx.Err()
			}
			return st, fmt.Errorf("nats: fetch: %w", err)
		}
		var (
			msgs   []jetstream.Msg
			inputs []*accord.Input
		)
		for m := range mb.Messages() {
			in, err := Decode(m.Data())
			if err != nil {
				st.Bad++
				st.Messages++
				log.Warn("undecodable message dropped", "err", err)
				_ = m.Term()
				continue
			}
			msgs = append(msgs, m)
			inputs = append(inputs, in)
		}
		if err := mb.Error(); err != nil && !errors.Is(err, natsgo.ErrTimeout) && ctx.Err() == nil {
			log.Warn("fetch ended early", "err", err)
		}
		if len(msgs) == 0 {
			if w.ExitWhenIdle {
				info, err := cons.Info(ctx)
				if err == nil && info.NumPending == 0 && info.NumAckPending == 0 {
					return st, nil
				}
			}
			continue
		}
		added, err := w.Store.Put(ctx, inputs)
		if err != nil {
			// Nak: redelivered to this or another worker.
			for _, m := range msgs {
				_ = m.Nak()
			}
			if ctx.Err() != nil {
				return st, ctx.Err()
			}
			return st, fmt.Errorf("nats: storing %d documents: %w", len(inputs), err)
		}
		st.Added += added
		if w.Process != nil {
			if err := w.Process(ctx, inputs); err != nil {
				for _, m := range msgs {
					_ = m.Nak()
				}
				if ctx.Err() != nil {
					return st, ctx.Err()
				}
				return st, fmt.Errorf("nats: processing %d documents: %w", len(inputs), err)
			}
		}
		for _, m := range msgs {
			if err := m.Ack(); err != nil {
				// A lost ack means a redelivery, which the store skips by hash.
				log.Warn("ack failed", "err", err)
			}
		}
		st.Messages += len(msgs)
	}
}

// errEmpty is returned by Decode for a message that holds no document.
var errEmpty = errors.New("message holds no document")

// Decode reads one message: an accord.Input as JSON. A message that is not
// a JSON object, or whose fields are all empty (JSON null, {}), is an error.
func Decode(data []byte) (*accord.Input, error) {
	var in accord.Input
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, err
	}
	if in == (accord.Input{}) {
		return nil, errEmpty
	}
	return &in, nil
}

// ensureConsumer returns the workers' durable consumer, creating it when it is
// missing and updating it only when its settings differ, for the reason
// ensureStream gives: concurrent no-op updates are not free in the server.
func ensureConsumer(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.Consumer, error) {
	want := jetstream.ConsumerConfig{
		Durable:       cfg.Consumer,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		MaxAckPending: 100000,
		MaxWaiting:    512,
	}
	cons, err := js.Consumer(ctx, cfg.Stream, cfg.Consumer)
	if err == nil {
		have := cons.CachedInfo().Config
		if have.AckPolicy == want.AckPolicy && have.AckWait == want.AckWait &&
			have.MaxAckPending == want.MaxAckPending && have.MaxWaiting == want.MaxWaiting {
			return cons, nil
		}
	} else if !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return nil, fmt.Errorf("nats: consumer %s: %w", cfg.Consumer, err)
	}
	cons, err = js.CreateOrUpdateConsumer(ctx, cfg.Stream, want)
	if err != nil {
		return nil, fmt.Errorf("nats: consumer %s: %w", cfg.Consumer, err)
	}
	return cons, nil
}
