#!/bin/bash
# usage: EXTRA=[--annotate] nats/internal/bench/scalebench.sh BULK.jsonl.gz
# Times SQLite vs PostgreSQL ingest and 1-3 "accord worker" processes over
# NATS, with /tmp/accord-scale, /tmp/nats-server and a local PostgreSQL
# (scripts/pg-up). Uses schemas b_* in accord_test and port 14222.
set -u
A=/tmp/accord-scale; B=$1; PG=postgres://accord:accord@127.0.0.1:5432/accord_test
t() { local s=$(date +%s.%N); "$@"; local e=$(date +%s.%N); echo "$(echo "$e - $s" | bc)"; }
schema() { psql "$PG" -qc "drop schema if exists $1 cascade; create schema $1" 2>/dev/null; echo "$PG?sslmode=disable&search_path=$1"; }
rm -f /tmp/bench.db*
echo "sqlite ingest: $(t $A ingest -q --db /tmp/bench.db $B)s"
ls -la /tmp/bench.db* | awk '{s+=$5} END {print "sqlite bytes", s}'
D=$(schema b_ingest)
echo "pg ingest: $(t $A ingest -q --db "$D" $B)s"
psql "$PG" -Atc "select 'pg table+toast bytes', pg_total_relation_size('b_ingest.docs'), 'gin', pg_relation_size('b_ingest.docs_tsv'), 'heap', pg_relation_size('b_ingest.docs'), 'toast', pg_total_relation_size('b_ingest.docs') - pg_indexes_size('b_ingest.docs') - pg_relation_size('b_ingest.docs'), 'indexes', pg_indexes_size('b_ingest.docs')"
for W in 1 2 3; do
  [ -f /tmp/nsrv.pid ] && kill $(cat /tmp/nsrv.pid) 2>/dev/null; sleep 1; rm -rf /tmp/nsrv
  /tmp/nats-server -a 127.0.0.1 -p 14222 -js -sd /tmp/nsrv > /tmp/nsrv.log 2>&1 & echo $! > /tmp/nsrv.pid; sleep 1
  echo "publish: $(t $A ingest -q --nats nats://127.0.0.1:14222 $B)s"
  D=$(schema b_w$W)
  s=$(date +%s.%N)
  P=""; for i in $(seq $W); do $A worker -q --nats nats://127.0.0.1:14222 --db "$D" --exit-when-idle $EXTRA & P="$P $!"; done; wait $P
  e=$(date +%s.%N)
  echo "workers=$W $EXTRA: $(echo "$e - $s" | bc)s docs=$(psql "$PG" -Atc "select count(*) from b_w$W.docs")"
done
[ -f /tmp/nsrv.pid ] && kill $(cat /tmp/nsrv.pid)
