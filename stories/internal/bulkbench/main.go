// Command bulkbench times story clustering alone on a JSONL file of documents
// ({"id","title","text","published",...} per line, plain or .gz), such as the
// output of ../shared/eval/make_bulk.py. Documents get the text layer
// (sentences, tokens) first; entity mentions and timexes are absent, so the
// stage falls back to capitalised words for names, as it does for plain text.
// It prints the CPU seconds (user+sys) and wall time of the clustering alone,
// the peak RSS of the process, and the number of stories.
//
//	go run ./stories/internal/bulkbench -in /tmp/bulk-100k.jsonl.gz [-n 10000]
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/accord-news/accord/internal/devfile"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/stories"
	"github.com/accord-news/accord/text"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func maxRSS() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss // KiB on Linux
}

func main() {
	in := flag.String("in", "", "input JSONL (.gz allowed)")
	n := flag.Int("n", 0, "read at most n documents (0: all)")
	cpuprof := flag.String("cpuprofile", "", "write a CPU profile of the clustering")
	memprof := flag.String("memprofile", "", "write a heap profile near the clustering's peak live heap")
	out := flag.String("out", "", "write the stories (ids, titles, documents, events) as JSON, to compare runs")
	flag.Parse()
	r, err := devfile.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var docs []*accord.Document
	seg := text.New()
	c0, w0 := cpu(), time.Now()
	for sc.Scan() && (*n == 0 || len(docs) < *n) {
		var rec struct {
			ID, Title, Text string
			Published       *string
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			continue
		}
		d := &accord.Document{ID: rec.ID, Title: rec.Title, Text: rec.Text}
		if rec.Published != nil {
			d.Published = *rec.Published
		}
		_ = seg.Annotate(d)
		d.Tokens = nil // the stage does not read them
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("read and segment %d documents: %.1f s CPU, %.1f s wall, peak RSS %d MiB\n",
		len(docs), (cpu() - c0).Seconds(), time.Since(w0).Seconds(), maxRSS()/1024)
	if *cpuprof != "" {
		pf, err := os.Create(*cpuprof)
		if err != nil {
			log.Fatal(err)
		}
		_ = pprof.StartCPUProfile(pf)
		defer pprof.StopCPUProfile()
	}
	if *memprof != "" {
		stop := watchHeap(*memprof)
		defer stop()
	}
	c := accord.NewCorpus(docs, accord.Options{})
	c1, w1 := cpu(), time.Now()
	if err := stories.New().Analyze(context.Background(), c); err != nil {
		log.Fatal(err)
	}
	events := 0
	for _, s := range c.Stories {
		events += len(s.Events)
	}
	fmt.Printf("cluster %d documents: %.1f s CPU, %.1f s wall, %d stories, %d events; peak RSS %d MiB\n",
		len(docs), (cpu() - c1).Seconds(), time.Since(w1).Seconds(), len(c.Stories), events, maxRSS()/1024)
	if *out != "" {
		b, err := json.Marshal(c.Stories)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// watchHeap writes a heap profile to path whenever the live heap after a
// garbage collection reaches a new high (by 5 %), so the profile shows what
// the clustering holds at its peak, not at its end.
func watchHeap(path string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var high uint64
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			live := sample[0].Value.Uint64()
			if live < high+high/20 {
				continue
			}
			high = live
			f, err := os.Create(path)
			if err != nil {
				log.Print(err)
				return
			}
			_ = pprof.Lookup("heap").WriteTo(f, 0)
			_ = f.Close()
			log.Printf("heap profile at %d MiB live", live>>20)
		}
	}()
	return func() { close(done); <-finished }
}
