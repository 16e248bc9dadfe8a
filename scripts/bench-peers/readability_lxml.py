#!/usr/bin/env python3
"""Speed/F1 peer for `scripts/bench extract`: readability-lxml (Debian python3-readability).

  readability_lxml.py HTML_DIR OUT.json

Reads every HTML_DIR/*.html[.gz] (raw bytes, as the trafilatura benchmark hands them over),
extracts the main content with readability.Document(...).summary(), turns it into text with one
line per block element, and writes {id: {"articleBody": text}} for score_extraction.py
--predictions. Prints "pages N cpu_s S" (CPU time of the extraction only) on stderr.
"""
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document

BLOCK = {"p", "div", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
         "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure",
         "figcaption", "aside", "nav", "form", "address", "main", "body", "br", "hr", "caption"}


def to_text(fragment):
    if not fragment or not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(l.split()) for l in root.text_content().split("\n"))
    return "\n".join(l for l in lines if l)


def main():
    src, out = sys.argv[1], sys.argv[2]
    names = sorted(n for n in os.listdir(src) if n.endswith(".html") or n.endswith(".html.gz"))
    pages = []
    for n in names:
        op = gzip.open if n.endswith(".gz") else open
        with op(os.path.join(src, n), "rb") as f:
            pages.append((n.split(".html")[0], f.read()))
    res, failed = {}, 0
    t0 = time.process_time()
    for pid, raw in pages:
        try:
            text = to_text(Document(raw).summary(html_partial=True))
        except Exception:  # a crash counts as an empty extraction, as upstream
            text, failed = "", failed + 1
        res[pid] = {"articleBody": text}
    cpu = time.process_time() - t0
    with open(out, "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False)
    print(f"pages {len(pages)} cpu_s {cpu:.2f} failed {failed}", file=sys.stderr)


if __name__ == "__main__":
    main()
