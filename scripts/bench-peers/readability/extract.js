// Speed/F1 peer for `scripts/bench extract`: @mozilla/readability on jsdom.
//
//   node extract.js HTML_DIR OUT.json
//
// Reads every HTML_DIR/*.html[.gz] (raw bytes; jsdom sniffs the charset),
// extracts the main content with Readability#parse, turns it into text with
// one line per block element, and writes {id: {"articleBody": text}} for
// score_extraction.py --predictions. Prints "pages N cpu_s S" (CPU time of
// the extraction only) on stderr.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const BLOCK = new Set(["P", "DIV", "SECTION", "ARTICLE", "HEADER", "FOOTER", "H1", "H2", "H3", "H4",
  "H5", "H6", "LI", "UL", "OL", "DL", "DT", "DD", "BLOCKQUOTE", "PRE", "TABLE", "TR", "TD", "TH",
  "FIGURE", "FIGCAPTION", "ASIDE", "NAV", "FORM", "ADDRESS", "MAIN", "BODY", "BR", "HR", "CAPTION"]);

function toText(root) {
  const out = [];
  const walk = (n) => {
    if (n.nodeType === 3) { out.push(n.nodeValue); return; }
    if (n.nodeType !== 1) return;
    const block = BLOCK.has(n.nodeName);
    if (block) out.push("\n");
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out.push("\n");
  };
  walk(root);
  return out.join("").split("\n").map((l) => l.split(/\s+/).filter(Boolean).join(" "))
    .filter(Boolean).join("\n");
}

const [src, outFile] = process.argv.slice(2);
const names = fs.readdirSync(src).filter((n) => /\.html(\.gz)?$/.test(n)).sort();
const pages = names.map((n) => {
  let b = fs.readFileSync(path.join(src, n));
  if (n.endsWith(".gz")) b = zlib.gunzipSync(b);
  return [n.replace(/\.html(\.gz)?$/, ""), b];
});
const vc = new VirtualConsole(); // page CSS/script errors stay quiet
const res = {};
let failed = 0;
const t0 = process.cpuUsage();
for (const [id, raw] of pages) {
  let text = "";
  try {
    const dom = new JSDOM(raw, { virtualConsole: vc });
    const art = new Readability(dom.window.document, { serializer: (el) => el }).parse();
    if (art && art.content) text = toText(art.content);
    dom.window.close();
  } catch (e) {
    failed++; // a crash counts as an empty extraction, as upstream
  }
  res[id] = { articleBody: text };
}
const u = process.cpuUsage(t0);
fs.writeFileSync(outFile, JSON.stringify(res));
process.stderr.write(`pages ${pages.length} cpu_s ${((u.user + u.system) / 1e6).toFixed(2)} failed ${failed}\n`);
