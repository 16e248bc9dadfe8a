// Command load measures the story page under concurrent clients: it serves a
// synthetic report (one story of -docs documents) on a loopback port and runs
// -clients clients, each fetching the story page -requests times. It prints
// the cold render time and the latency percentiles. Traffic stays on 127.0.0.1
// and the run is bounded by -requests and -timeout.
//
//	go run ./http/internal/load -docs 1000 -clients 50 -requests 40
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	nethttp "net/http"
	"os"
	"runtime/pprof"
	"sort"
	"sync"
	"time"

	accordhttp "github.com/accord-news/accord/http"
	"github.com/accord-news/accord/http/internal/synth"
)

func main() {
	docs := flag.Int("docs", 1000, "documents in the synthetic story")
	clients := flag.Int("clients", 50, "concurrent clients")
	requests := flag.Int("requests", 40, "requests per client")
	path := flag.String("path", "/stories/S1", "the page to fetch")
	timeout := flag.Duration("timeout", 2*time.Minute, "stop the run after this long")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run (server and clients) here")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}

	r := synth.Report(*docs, 1)
	srv := accordhttp.NewServer(nil, nil, accordhttp.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	srv.SetReport(r)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	hs := srv.HTTPServer()
	var (
		smu     sync.Mutex
		served  []time.Duration
		handler = hs.Handler
	)
	// Server-side time per request, apart from the clients' share of the CPU.
	hs.Handler = nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		t0 := time.Now()
		handler.ServeHTTP(w, r)
		smu.Lock()
		served = append(served, time.Since(t0))
		smu.Unlock()
	})
	go hs.Serve(ln)
	defer hs.Close()
	url := "http://" + ln.Addr().String() + *path
	client := &nethttp.Client{Transport: &nethttp.Transport{MaxIdleConnsPerHost: *clients}, Timeout: 30 * time.Second}

	get := func() (time.Duration, int, error) {
		t0 := time.Now()
		req, err := nethttp.NewRequest("GET", url, nil)
		if err != nil {
			return 0, 0, err
		}
		// As a browser does; set by hand, the transport leaves the body
		// compressed, so the clients' CPU goes to requests, not to inflating.
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := client.Do(req)
		if err != nil {
			return 0, 0, err
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return 0, 0, fmt.Errorf("status %d", resp.StatusCode)
		}
		return time.Since(t0), int(n), nil
	}
	cold, size, err := get()
	if err != nil {
		fmt.Fprintln(os.Stderr, "first request:", err)
		os.Exit(1)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	var (
		mu   sync.Mutex
		lat  []time.Duration
		errs int
		wg   sync.WaitGroup
	)
	start := time.Now()
	for c := 0; c < *clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < *requests && ctx.Err() == nil; i++ {
				d, _, err := get()
				mu.Lock()
				if err != nil {
					errs++
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	smu.Lock()
	srvLat := append([]time.Duration(nil), served[1:]...) // without the cold render
	smu.Unlock()
	sort.Slice(srvLat, func(i, j int) bool { return srvLat[i] < srvLat[j] })
	pctOf := func(l []time.Duration, p float64) time.Duration {
		if len(l) == 0 {
			return 0
		}
		return l[min(len(l)-1, int(p*float64(len(l))))]
	}
	pct := func(p float64) time.Duration { return pctOf(lat, p) }
	fmt.Printf("story of %d documents, page %d bytes gzipped; cold render %v\n", *docs, size, cold.Round(time.Millisecond))
	fmt.Printf("%d clients x %d requests: %d ok, %d errors in %v (%.0f req/s)\n", *clients, *requests, len(lat), errs, wall.Round(time.Millisecond), float64(len(lat))/wall.Seconds())
	fmt.Printf("latency p50 %v  p90 %v  p99 %v  max %v\n", pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), pct(1).Round(time.Microsecond))
	fmt.Printf("server-side p50 %v  p99 %v\n", pctOf(srvLat, 0.5).Round(time.Microsecond), pctOf(srvLat, 0.99).Round(time.Microsecond))
	if errs > 0 {
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}
