"""Publication-date inference on dated news with some dates hidden (copies-dev).

  python3 hidden_dates.py hide INPUT.jsonl OUT.jsonl TRUTH.json   # random.seed(7), p=0.3 of the dated docs
  go run ./timex/internal/evalreport OUT.jsonl > r.json            # whole corpus as one group
  python3 hidden_dates.py score TRUTH.json r.json INPUT.jsonl GOLD.json

r.json may also be the id -> [published, basis] map of TestDebugReplay
(TIMEX_REPLAY=r.json TIMEX_REPLAY_GOLD=GOLD.json groups by the gold stories).
Prints hidden dates recovered within a day / wrong / left undated, and for the
originally undated documents how many got an inferred date in a gold story
with no stated date at all (unsupported) or >30 days from all of them.
"""
import datetime
import json
import random
import sys


def day(s):
    return datetime.date.fromisoformat(s[:10])


def hide(inp, out, truth_path):
    random.seed(7)
    truth = {}
    with open(out, "w") as w:
        for line in open(inp):
            d = json.loads(line)
            if d.get("published") and random.random() < 0.3:
                truth[d["id"]] = d["published"]
                d["published"] = ""
                d.pop("published_basis", None)
            w.write(json.dumps(d) + "\n")
    json.dump(truth, open(truth_path, "w"))
    print(len(truth), "dates hidden")


def score(truth_path, report, inp, gold):
    truth = json.load(open(truth_path))
    x = json.load(open(report))
    if "documents" in x:
        x = {d["id"]: [d.get("published") or "", d["published_basis"]] for d in x["documents"]}
    orig = {}
    for line in open(inp):
        d = json.loads(line)
        orig[d["id"]] = d.get("published") or ""
    ok = ex = wrong = und = 0
    for i, t in truth.items():
        p, b = x[i]
        if not p or b != "inferred":
            und += 1
            continue
        dd = abs((day(p) - day(t)).days)
        ex += dd == 0
        ok += dd <= 1
        wrong += dd > 1
    print(f"hidden={len(truth)} within_a_day={ok} (exact {ex}) wrong={wrong} undated={und}")
    g = json.load(open(gold))
    story = {i: k for k, s in enumerate(g["stories"]) for i in s}
    sdates = {}
    for i, p in orig.items():
        if p:
            sdates.setdefault(story[i], []).append(day(p))
    n = far = nost = 0
    for i, (p, b) in x.items():
        if orig[i] or b != "inferred":
            continue
        n += 1
        ds = sdates.get(story[i])
        if not ds:
            nost += 1
        elif min(abs((day(p) - d).days) for d in ds) > 30:
            far += 1
    print(f"originally undated, inferred: {n}; in a gold story with no stated date: {nost}; >30 days from all its story's dates: {far}")


if __name__ == "__main__":
    if sys.argv[1] == "hide":
        hide(*sys.argv[2:5])
    else:
        score(*sys.argv[2:6])
