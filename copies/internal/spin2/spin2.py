#!/usr/bin/env python3
"""spin2: an independent robustness check for copy detection (issue #4).

Builds copy benchmarks in the copies-dev format (input.jsonl + gold.json + accord/manifest.json)
that differ from copies-dev on every axis the held-out set is said to differ on:
  * base articles: Reuters-21578 (stories = same topic and same day) and BBC (stories = section),
    not ECB+;
  * spinner: the Aiksaurus thesaurus (Debian libaiksaurus-1.2-data, Moby-style broad word clusters,
    not WordNet) plus rewrites a WordNet spinner never makes (possessives, contractions, spelling,
    numbers in words, sentence split/merge, clause reordering, dropped modifiers, other filler habits);
  * syndication habits: other boilerplate, headline rewrites, short ledes, paragraph merging/splitting.

Python 3 stdlib only. Needs `apt-get install libaiksaurus-1.2-data` (thesaurus) and `wordnet` (only
for part-of-speech tests of the drop operation), and shared/eval/copies_build.py (the generic builder).

    python3 spin2.py build --out DIR [--ops all|thes,possessive,...] [--recipes default|spun|near]
                           [--synd all|EDIT] [--seed N] [--reuters N] [--bbc N]
    python3 spin2.py breakdown REPORT.json DIR/gold.json     # recall by op/edit/rate
    python3 spin2.py demo --ops OP --rate R < article.txt    # print one spun text

No dataset text is stored here: everything is generated from the shared data at run time.
"""
import argparse
import json
import os
import random
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("ACCORD_SHARED", os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared")))
sys.path.insert(0, os.path.join(SHARED, "eval"))

OPS = ["thes", "possessive", "contract", "spelling", "numbers", "split", "reorder", "drop", "filler"]
SYND = ["headline", "boilerplate", "lede", "reorder", "reflow", "dateline"]

STOP = set("""a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
her here hers him his how i if in into is it its itself me more most my no nor not of off on once only or other
our out over own same she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you
your also just now still even ever yet may might must shall said say says told mr mrs ms dr per pct mln dlrs
cts billion million thousand year years month week day today inc corp co ltd""".split())


# --------------------------------------------------------------------------- thesaurus (Aiksaurus)
class Aiksaurus:
    def __init__(self, d="/usr/share/aiksaurus"):
        w = open(os.path.join(d, "words.dat"), "rb").read()
        words, wmean = [], []
        i = 0
        while i < len(w):
            j = w.index(b"\0", i)
            words.append(w[i:j].decode("latin-1").replace(":", " "))
            i = j + 1
            ms = []
            while True:
                v = int.from_bytes(w[i:i + 2], "big")
                i += 2
                if v == 0xFFFF:
                    break
                ms.append(v)
            wmean.append(ms)
        m = open(os.path.join(d, "meanings.dat"), "rb").read()
        means, cur = [], []
        for k in range(0, len(m), 2):
            v = int.from_bytes(m[k:k + 2], "big")
            if v == 0xFFFF:
                means.append(cur[2:])  # the first two ids are the meaning's title words
                cur = []
            else:
                cur.append(v)
        self.words, self.means = words, means
        self.meanings = {x.lower(): wm for x, wm in zip(words, wmean) if wm}

    def synonym(self, word, rng):
        ms = self.meanings.get(word)
        if not ms:
            return None
        cands = [self.words[t] for t in self.means[rng.choice(ms)] if self.words[t].lower() != word]
        cands = [c for c in cands if c.islower()]
        return rng.choice(cands) if cands else None


def wordnet_pos():
    """lemma -> set of POS letters from the WordNet index files (used only to find modifiers to drop)."""
    pos = defaultdict(set)
    for p, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        path = os.path.join("/usr/share/wordnet", "index." + name)
        if not os.path.exists(path):
            continue
        for line in open(path, encoding="latin-1"):
            if not line.startswith(" "):
                pos[line.split(" ", 1)[0]].add(p)
    return pos


def match_case(src, repl):
    if src.isupper() and len(src) > 1:
        return repl.upper()
    if src[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


# --------------------------------------------------------------------------- general rewrite tables (English, not data)
CONTRACTIONS = [("do not", "don't"), ("does not", "doesn't"), ("did not", "didn't"), ("is not", "isn't"),
                ("are not", "aren't"), ("was not", "wasn't"), ("were not", "weren't"), ("has not", "hasn't"),
                ("have not", "haven't"), ("had not", "hadn't"), ("will not", "won't"), ("would not", "wouldn't"),
                ("could not", "couldn't"), ("should not", "shouldn't"), ("cannot", "can't"), ("it is", "it's"),
                ("that is", "that's"), ("there is", "there's"), ("we are", "we're"), ("they are", "they're"),
                ("we will", "we'll"), ("they will", "they'll"), ("he will", "he'll"), ("she will", "she'll"),
                ("it will", "it'll"), ("we have", "we've"), ("they have", "they've"), ("i am", "i'm")]
OUR_BASES = ["colo", "hono", "labo", "favo", "neighbo", "behavio", "flavo", "harbo", "rumo", "vapo", "vigo", "humo",
             "endeavo", "armo", "savo", "tumo", "odo", "paramo"]
ER_RE = ["cent", "met", "theat", "fib", "lit", "tit", "spect", "calib", "somb"]
ENSE = ["defen", "offen", "licen", "preten"]
SPELL_WORDS = [("program", "programme"), ("catalog", "catalogue"), ("analog", "analogue"), ("dialog", "dialogue"),
               ("check", "cheque"), ("tire", "tyre"), ("aluminum", "aluminium"), ("gray", "grey"),
               ("jewelry", "jewellery"), ("mold", "mould"), ("plow", "plough"), ("skeptic", "sceptic")]
ABBREV = [(r"\bpct\b", "percent"), (r"\bmln\b", "million"), (r"\bbln\b", "billion"), (r"\bdlrs\b", "dollars"),
          (r"\bcts\b", "cents"), (r"\bshr\b", "share"), (r"\bqtr\b", "quarter"), (r"\bavg\b", "average"),
          (r"\bvs\b", "versus"), (r"\byr\b", "year")]
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
       "seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
FILLER_INITIAL = ["Notably, ", "Meanwhile, ", "In addition, ", "Importantly, ", "Interestingly, ", "Moreover, ",
                  "As it turns out, ", "To be sure, "]
FILLER_PHRASE = [(r"\bbefore\b", "prior to"), (r"\bnow\b", "at this point in time"), (r"\bif\b", "in the event that"),
                 (r"\balthough\b", "in spite of the fact that"), (r"\bseveral\b", "a number of"),
                 (r"\bto buy\b", "in order to buy"), (r"\bto sell\b", "in order to sell"), (r"\bmuch\b", "a great deal of"),
                 (r"\bwas\b", "was reportedly"), (r"\bis\b", "is basically"), (r"\bsaid\b", "went on to say")]
SUBORD = "if when after although while because since as though once unless whereas".split()


def num_words(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return ONES[n // 100] + " hundred" + (" and " + num_words(n % 100) if n % 100 else "")
    if n < 1000000:
        return num_words(n // 1000) + " thousand" + ((" " + num_words(n % 1000)) if n % 1000 else "")
    return None


def lower_first(s):
    w = s.split(" ", 1)[0]
    if w.lower() in STOP or w.lower() in SUBORD:
        return s[:1].lower() + s[1:]
    return s


def split_sentences(p):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[\"'A-Z])", p) if s]


WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


# --------------------------------------------------------------------------- spinner
class Spinner2:
    def __init__(self, ops=None):
        self.ops = list(ops or OPS)
        self.name = "spin2:" + "+".join(self.ops)
        self.th = Aiksaurus() if "thes" in self.ops else None
        self.pos = wordnet_pos() if "drop" in self.ops else None

    # each op: (text, rng, rate, stats) -> text; stats counts eligible sites and changes
    def _thes(self, s, rng, rate, st):
        out, last = [], 0
        for m in WORD.finditer(s):
            w = m.group(0)
            lw = w.lower()
            initial = m.start() == 0 or s[:m.start()].rstrip().endswith((".", "!", "?", "\"", ":"))
            if lw in STOP or len(lw) < 3 or (w[0].isupper() and not initial):
                continue
            base, suf = lw, ""
            if base not in self.th.meanings:
                for sfx in ("s", "ed", "d"):
                    if lw.endswith(sfx) and lw[:-len(sfx)] in self.th.meanings:
                        base, suf = lw[:-len(sfx)], sfx
                        break
            if base not in self.th.meanings:
                continue
            st["eligible"] += 1
            if rng.random() >= rate:
                continue
            syn = self.th.synonym(base, rng)
            if not syn:
                continue
            if suf == "s":
                syn = syn + ("es" if syn.endswith(("s", "x", "ch", "sh")) else "s")
            elif suf in ("ed", "d"):
                syn = syn + ("d" if syn.endswith("e") else "ed")
            out.append(s[last:m.start()])
            out.append(match_case(w, syn))
            last = m.end()
            st["changed"] += 1
        out.append(s[last:])
        return "".join(out)

    def _sub(self, s, rng, rate, st, pattern, repl, flags=0):
        def f(m):
            st["eligible"] += 1
            if rng.random() >= rate:
                return m.group(0)
            st["changed"] += 1
            r = repl(m) if callable(repl) else m.expand(repl)
            return match_case(m.group(0), r) if not callable(repl) else r
        return re.sub(pattern, f, s, flags=flags)

    def _possessive(self, s, rng, rate, st):
        # "the chairman of Acme Corp" -> "Acme Corp's chairman"; "the price of the shares" -> "the shares' price"
        s = self._sub(s, rng, rate, st, r"\b[Tt]he ([a-z]+) of ((?:[A-Z][A-Za-z]+ ?){1,3})\b",
                      lambda m: m.group(2).rstrip() + "'s " + m.group(1) + (" " if m.group(2).endswith(" ") else ""))
        return self._sub(s, rng, rate, st, r"\b([Tt]he) ([a-z]+) of the ([a-z]+)\b",
                         lambda m: m.group(1) + " " + m.group(3) + ("'" if m.group(3).endswith("s") else "'s") + " " + m.group(2))

    def _contract(self, s, rng, rate, st):
        for full, short in CONTRACTIONS:
            if rng.random() < 0.5:
                s = self._sub(s, rng, rate, st, r"\b" + re.escape(full) + r"\b", short, re.I)
            else:
                s = self._sub(s, rng, rate, st, r"\b" + re.escape(short) + r"(?![\w'])", full, re.I)
        return s

    def _spelling(self, s, rng, rate, st):
        uk = rng.random() < 0.5  # one direction per call: to British or to American
        if uk:
            s = self._sub(s, rng, rate, st, r"\b([a-z]{3,}i)z(e|ed|es|ing|ation|ations)\b", r"\1s\2")
            s = self._sub(s, rng, rate, st, r"\b(%s)r(s|ed|ing|able)?\b" % "|".join(OUR_BASES), r"\1ur\2")
            s = self._sub(s, rng, rate, st, r"\b(%s)er(s)?\b" % "|".join(ER_RE), r"\1re\2")
            s = self._sub(s, rng, rate, st, r"\b(%s)se\b" % "|".join(ENSE), r"\1ce")
            s = self._sub(s, rng, rate, st, r"\b([a-z]+[aeiou])l(ed|ing|er)\b", r"\1ll\2")
            s = self._sub(s, rng, rate, st, r"\bpercent\b", "per cent")
            for us, gb in SPELL_WORDS:
                s = self._sub(s, rng, rate, st, r"\b%s(s)?\b" % us, gb + r"\1")
        else:
            s = self._sub(s, rng, rate, st, r"\b([a-z]{3,}i)s(e|ed|es|ing|ation|ations)\b", r"\1z\2")
            s = self._sub(s, rng, rate, st, r"\b(%s)ur(s|ed|ing|able)?\b" % "|".join(OUR_BASES), r"\1r\2")
            s = self._sub(s, rng, rate, st, r"\b(%s)re(s)?\b" % "|".join(ER_RE), r"\1er\2")
            s = self._sub(s, rng, rate, st, r"\bper cent\b", "percent")
            for us, gb in SPELL_WORDS:
                s = self._sub(s, rng, rate, st, r"\b%s(s)?\b" % gb, us + r"\1")
        return s

    def _numbers(self, s, rng, rate, st):
        for pat, rep in ABBREV:
            s = self._sub(s, rng, rate, st, pat, rep)

        def f(m):
            n = int(m.group(0).replace(",", ""))
            if 1900 <= n <= 2030 and "," not in m.group(0):
                return m.group(0)  # a year
            w = num_words(n)
            return w if w else m.group(0)
        s = self._sub(s, rng, rate, st, r"(?<![\d.,$])\d{1,3}(?:,\d{3})*(?![\d.,]\d)(?!\d)", f)
        s = self._sub(s, rng, rate, st, r"(\d)\s?%", r"\1 percent")
        return s

    def _filler(self, sents, rng, rate, st):
        out = []
        for s in sents:
            st["eligible"] += 1
            if rng.random() < rate * 0.5 and s[:1].isupper():
                s = rng.choice(FILLER_INITIAL) + lower_first(s)
                st["changed"] += 1
            for pat, rep in rng.sample(FILLER_PHRASE, 3):
                s = self._sub(s, rng, rate * 0.7, st, pat, rep)
            out.append(s)
        return out

    def _drop(self, s, rng, rate, st):
        def f(m):
            w = m.group(1).lower()
            p = self.pos.get(w, set())
            if not p or p & {"n", "v"} or w in STOP or w.endswith(("ed", "ing", "s")):
                return m.group(0)
            st["eligible"] += 1
            if rng.random() >= rate:
                return m.group(0)
            st["changed"] += 1
            return ""
        # a lower-case adjective/adverb followed by another word; drop it and its space
        return re.sub(r"\b([a-z]{4,}) (?=[a-z])", f, s)

    def _split(self, sents, rng, rate, st):
        out = []
        i = 0
        while i < len(sents):
            s = sents[i]
            m = re.search(r"(?:, and |, but |; |, while |, which )", s)
            if m and len(s[:m.start()].split()) >= 5 and len(s[m.end():].split()) >= 4:
                st["eligible"] += 1
                if rng.random() < rate:
                    st["changed"] += 1
                    conj = m.group(0).strip(" ,;")
                    rest = s[m.end():]
                    lead = {"and": "And ", "but": "But ", "while": "Meanwhile, ", "which": "This "}.get(conj, "")
                    out.append(s[:m.start()].rstrip(",;") + ".")
                    out.append(lead + (rest if lead else rest[:1].upper() + rest[1:]))
                    i += 1
                    continue
            if i + 1 < len(sents) and len(s.split()) <= 18 and s.endswith(".") and len(sents[i + 1].split()) <= 18:
                st["eligible"] += 1
                if rng.random() < rate:
                    st["changed"] += 1
                    out.append(s[:-1] + rng.choice([", and ", "; ", " - "]) + lower_first(sents[i + 1]))
                    i += 2
                    continue
            out.append(s)
            i += 1
        return out

    def _reorder(self, s, rng, rate, st):
        # "X, the company said." -> "The company said that x."
        m = re.match(r"^(.{20,}?),? ((?:he|she|they|it|the [a-z]+(?: [a-z]+)?|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*)) "
                     r"(said|says|added|reported|announced)\.$", s)
        if m:
            st["eligible"] += 1
            if rng.random() < rate:
                st["changed"] += 1
                subj = m.group(2)
                return subj[:1].upper() + subj[1:] + " " + m.group(3) + " that " + lower_first(m.group(1)) + "."
            return s
        # "When X, Y." -> "Y when X."
        m = re.match(r"^(%s) ([^,]{8,}), ([^,]{12,})\.$" % "|".join(w.capitalize() for w in SUBORD), s)
        if m:
            st["eligible"] += 1
            if rng.random() < rate:
                st["changed"] += 1
                main = m.group(3)
                return main[:1].upper() + main[1:] + " " + m.group(1).lower() + " " + m.group(2) + "."
            return s
        # "Y in 1986." / "Y on Monday." -> "In 1986, y."
        m = re.match(r"^(.{20,}) ((?:in|on|during|by|last|next|earlier|later) [^ ,]+(?: [^ ,]+)?)\.$", s)
        if m:
            st["eligible"] += 1
            if rng.random() < rate:
                st["changed"] += 1
                pp = m.group(2)
                return pp[:1].upper() + pp[1:] + ", " + lower_first(m.group(1)) + "."
        return s

    def spin(self, text, rate, seed):
        rng = random.Random(seed)
        st = {"eligible": 0, "changed": 0}
        paras = text.split("\n\n")
        out = []
        for p in paras:
            sents = split_sentences(p)
            if "split" in self.ops:
                sents = self._split(sents, rng, rate, st)
            if "filler" in self.ops:
                sents = self._filler(sents, rng, rate, st)
            new = []
            for s in sents:
                if "reorder" in self.ops:
                    s = self._reorder(s, rng, rate, st)
                if "possessive" in self.ops:
                    s = self._possessive(s, rng, rate, st)
                if "contract" in self.ops:
                    s = self._contract(s, rng, rate, st)
                if "spelling" in self.ops:
                    s = self._spelling(s, rng, rate, st)
                if "numbers" in self.ops:
                    s = self._numbers(s, rng, rate, st)
                if "drop" in self.ops:
                    s = self._drop(s, rng, rate, st)
                if "thes" in self.ops:
                    s = self._thes(s, rng, rate, st)
                new.append(s)
            out.append(" ".join(new))
        st["fraction"] = round(st["changed"] / st["eligible"], 3) if st["eligible"] else 0.0
        return "\n\n".join(out), st


# --------------------------------------------------------------------------- syndication habits
BOILER_TOP = ["By {outlet} Staff", "Published {date}", "Share this article: Facebook | Twitter | Email", "Listen to this story",
              "This article is more than 2 years old"]
BOILER_MID = ["Advertisement", "Related coverage", "Story continues below", "Sponsored content"]
BOILER_END = ["Originally published on {outlet}.", "Follow {outlet} on social media for more updates.",
              "Sign up for our morning briefing.", "(c) {outlet}. Redistribution prohibited.", "Have a news tip? Contact us.",
              "Tags: news, business, world"]
HEAD_PREFIX = ["UPDATE 1-", "UPDATE 2-", "EXCLUSIVE: ", "Breaking: ", "WATCH: ", "Analysis: "]
HEAD_SUFFIX = [" | {outlet}", " - {outlet}", " (report)", " - sources"]
DATELINES = ["NEW YORK ({outlet}) - ", "LONDON, ({outlet}) -- ", "WASHINGTON - ", "({outlet}) - "]


class Synd2:
    def __init__(self, edits=None, n_min=2, n_max=3):
        self.edits = list(edits or SYND)
        self.n_min, self.n_max = min(n_min, len(self.edits)), min(n_max, len(self.edits))

    def edit(self, title, text, rng, outlet="example.com", other_titles=None):
        chosen = rng.sample(self.edits, rng.randint(self.n_min, self.n_max))
        paras = [p for p in text.split("\n\n") if p.strip()]
        out_name = outlet.split(".")[0].capitalize()
        done = []
        for e in chosen:
            if e == "headline":
                k = rng.randrange(4)
                if k == 0:
                    title = rng.choice(HEAD_PREFIX) + title
                elif k == 1:
                    title = title + rng.choice(HEAD_SUFFIX).format(outlet=out_name)
                elif k == 2:
                    title = title.title() if title.isupper() else title.upper()
                else:
                    w = title.split()
                    title = " ".join(w[:max(3, len(w) // 2)])
            elif e == "boilerplate":
                top = rng.choice(BOILER_TOP).format(outlet=out_name, date="recently")
                end = rng.choice(BOILER_END).format(outlet=out_name)
                if len(paras) > 3:
                    paras.insert(rng.randrange(2, len(paras) - 1), rng.choice(BOILER_MID))
                paras = [top] + paras + [end]
            elif e == "lede":
                if len(paras) >= 3:
                    keep = max(2, int(len(paras) * rng.uniform(0.3, 0.5)))
                    paras = paras[:keep] + ["Read the full story at %s." % out_name]
                else:
                    sents = split_sentences(" ".join(paras))
                    paras = [" ".join(sents[:max(2, len(sents) // 2)])]
            elif e == "reorder":
                if len(paras) >= 3:
                    if rng.random() < 0.5:
                        paras = [paras[-1]] + paras[:-1]
                    else:
                        mid = paras[1:]
                        rng.shuffle(mid)
                        paras = [paras[0]] + mid
            elif e == "reflow":
                if rng.random() < 0.5:
                    paras = [" ".join(paras)]
                else:
                    paras = [s for p in paras for s in split_sentences(p)]
            elif e == "dateline":
                if paras:
                    paras[0] = rng.choice(DATELINES).format(outlet=out_name) + paras[0]
            done.append(e)
        return title, "\n\n".join(paras), done


# --------------------------------------------------------------------------- base articles
def base_articles(n_reuters, n_bbc, seed):
    import make_bulk
    rng = random.Random(seed)
    rs = make_bulk.load_reuters(os.path.join(SHARED, "data", "reuters21578"))
    rs = [d for d in rs if len(d["text"].split()) >= 60 and d["cat"] != "reuters/none" and d["published"]]
    by = defaultdict(list)
    for d in rs:
        by[(d["cat"], d["published"])].append(d)
    stories = [k for k, v in by.items() if len(v) >= 3]
    rng.shuffle(stories)
    base = []
    for k in stories:
        if len(base) >= n_reuters:
            break
        for i, d in enumerate(by[k][:8]):
            base.append(dict(d, source="reuters:%s:%d" % ("/".join(k), i), story="%s/%s" % k, topic=k[0]))
    bb = make_bulk.load_bbc(os.path.join(SHARED, "data", "bbc-news-2225", "bbc-fulltext.tar.gz"))
    rng.shuffle(bb)
    cats = sorted({d["cat"] for d in bb})[:2]
    bb = [d for d in bb if d["cat"] in cats][:n_bbc]
    for i, d in enumerate(bb):
        base.append(dict(d, source="bbc:%d" % i, story=d["cat"], topic=d["cat"]))
    return base


OUTLETS = ["wirewatch.net", "thedailybrief.org", "marketpulse24.com", "newsdesk-online.co.uk", "globaldigest.info",
           "cityledger.com", "morningreport.net", "theobserverpost.com", "financefeed.io", "headlines365.org"]


def cmd_build(a):
    import copies_build
    ops = OPS if a.ops == "all" else a.ops.split(",")
    synd = SYND if a.synd == "all" else a.synd.split(",")
    recipes = {"default": None, "spun": {"spun": 1}, "near": {"near": 1}}[a.recipes]
    base = base_articles(a.reuters, a.bbc, a.seed)
    sp = Spinner2(ops)
    nd = Synd2(synd, n_min=a.synd_min, n_max=a.synd_max)
    summ = copies_build.build(base, sp, nd, os.path.abspath(a.out), seed=a.seed, source_fraction=a.source_fraction,
                              recipes=recipes, outlet_pool=OUTLETS, log=lambda m: print(m, file=sys.stderr))
    summ.update(base="reuters %d + bbc %d" % (a.reuters, a.bbc), ops=ops, synd=synd, seed=a.seed)
    os.makedirs(os.path.join(a.out, "accord"), exist_ok=True)
    with open(os.path.join(a.out, "accord", "manifest.json"), "w") as f:
        json.dump({"dataset": os.path.basename(os.path.abspath(a.out)), "split": "dev", "runs": [
            {"name": "copies", "inputs": ["../input.jsonl"], "flags": ["--no-clean"], "scorer": "score_copies.py",
             "gold": "../gold.json"}]}, f, indent=1)
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summ, f, indent=1)
    print(json.dumps({k: summ[k] for k in ("documents", "links", "links_by_kind", "ambiguous_pairs")}), file=sys.stderr)


def cmd_breakdown(a):
    """Recall of gold links by edit and by rate: two ends connected through predicted copy links."""
    rep, gold = json.load(open(a.report)), json.load(open(a.gold))
    par = {}

    def find(x):
        par.setdefault(x, x)
        while par[x] != x:
            par[x] = par[par[x]]
            x = par[x]
        return x
    grp = {d: i for i, g in enumerate(gold["groups"]) for d in g}
    for l in rep.get("links", []):
        if l.get("kind") in ("exact_duplicate", "near_duplicate", "spun_copy") and grp.get(l["from"]) == grp.get(l["to"]):
            par[find(l["from"])] = find(l["to"])
    tab = defaultdict(lambda: [0, 0])
    for l in gold["links"]:
        ok = find(l["from"]) == find(l["to"])
        keys = ["all", "variant=" + l["variant"]] + ["edit=" + e for e in l.get("edits", [])]
        if l.get("rate") is not None:
            keys.append("rate=%s" % l["rate"])
        for k in keys:
            tab[k][0] += ok
            tab[k][1] += 1
    for k in sorted(tab):
        print("%-22s %4d/%-4d %.3f" % (k, tab[k][0], tab[k][1], tab[k][0] / tab[k][1]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--out", required=True)
    b.add_argument("--ops", default="all")
    b.add_argument("--synd", default="all")
    b.add_argument("--synd-min", type=int, default=2)
    b.add_argument("--synd-max", type=int, default=3)
    b.add_argument("--recipes", default="default", choices=["default", "spun", "near"])
    b.add_argument("--seed", type=int, default=4242)
    b.add_argument("--reuters", type=int, default=300)
    b.add_argument("--bbc", type=int, default=100)
    b.add_argument("--source-fraction", type=float, default=0.6)
    r = sub.add_parser("breakdown")
    r.add_argument("report")
    r.add_argument("gold")
    d = sub.add_parser("demo")
    d.add_argument("--ops", default="all")
    d.add_argument("--rate", type=float, default=0.5)
    d.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.cmd == "build":
        cmd_build(a)
    elif a.cmd == "breakdown":
        cmd_breakdown(a)
    else:
        sp = Spinner2(OPS if a.ops == "all" else a.ops.split(","))
        out, st = sp.spin(sys.stdin.read(), a.rate, a.seed)
        print(out)
        print(st, file=sys.stderr)


if __name__ == "__main__":
    main()
