#!/usr/bin/env python3
"""Audit the entity list of an Accord JSON report (or dirrun output).

Lists and counts, with no gold, the classes of entity errors a reader sees:

  mixed     non-person entities whose aliases fall apart into groups that are
            not variants of each other (an alias that is not a word
            sub-sequence, acronym or spelling variant of another alias);
  absorbed  place entities (GPE/LOC) holding a longer name that starts with one
            of their one-word aliases ("X Airlines" in the entity "X"): an
            organisation named after a place merged into the place;
  fragment  aliases that end in a function word ("Tories of") or start with one
            (other than "The"), or with "'s";
  possessive aliases with a possessive inside: some are fragments ("Tories'
            Commons"), most are real names ("Workers' Union"): read by hand;
  typeconf  one alias string in entities of different types ("Chelsea" PERSON
            and ORG), and demonyms typed PERSON ("American").

usage: entity_audit.py REPORT.json [--show N] [--class NAME]

REPORT.json: `accord analyze --format json -o R DIR`, or the quicker
`go run ./entities/internal/dirrun DIR > R` (only the stages entities need).
"""
import json
import re
import signal
import sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)

FUNC = set("""of the and in for to at on by with from a an or as into but nor
than that this these those its their his her our your my who which""".split())
STATE_HEADS = set("republic federation kingdom confederation commonwealth".split())


def words(s):
    s = s.replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    return [w for w in re.findall(r"[\w.&'-]+", s.lower()) if w not in ("the",)]


def acronym(ws):
    return "".join(w[0] for w in ws if w not in FUNC and w)


def close(a, b):
    if a == b:
        return True
    if len(a) >= 5 and len(b) >= 5:
        # one edit
        if abs(len(a) - len(b)) > 1:
            return False
        i = 0
        while i < min(len(a), len(b)) and a[i] == b[i]:
            i += 1
        return a[i + 1:] == b[i + 1:] or a[i:] == b[i + 1:] or a[i + 1:] == b[i:]
    return False


def subseq(short, long):
    i = 0
    for w in long:
        if i < len(short) and (close(short[i], w) or (len(short[i]) <= 2 and short[i].rstrip(".") == w[:1])):
            i += 1
    return i == len(short)


def compatible(a, b):
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return True
    ja, jb = "".join(wa).replace(".", ""), "".join(wb).replace(".", "")
    if ja == jb:
        return True
    if subseq(wa, wb) or subseq(wb, wa):
        return True
    if len(wa) == 1 and ja == acronym(wb):
        return True
    if len(wb) == 1 and jb == acronym(wa):
        return True
    return False


def components(aliases):
    n = len(aliases)
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for i in range(n):
        for j in range(i + 1, n):
            if compatible(aliases[i], aliases[j]):
                parent[find(i)] = find(j)
    groups = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(aliases[i])
    return sorted(groups.values(), key=len, reverse=True)


DEMONYM = re.compile(r"^(north |south |east |west )?[A-Z][a-z]+(ian|ean|an|ese|ish|i)s?$")


def main():
    args = sys.argv[1:]
    show, only = 15, None
    if "--show" in args:
        k = args.index("--show")
        show = int(args[k + 1])
        del args[k:k + 2]
    if "--class" in args:
        k = args.index("--class")
        only = args[k + 1]
        del args[k:k + 2]
    r = json.load(open(args[0]))
    ents = r["entities"]
    found = {"mixed": [], "absorbed": [], "fragment": [], "possessive": [], "typeconf": []}
    bytext = {}
    for e in ents:
        al = sorted(set(e["aliases"]) | {e["name"]})
        n = len(e["mentions"])
        for a in al:
            bytext.setdefault(a.lower(), {}).setdefault(e["type"], []).append((e["id"], e["name"], n))
        if e["type"] != "PERSON":
            cs = components(al)
            if len(cs) > 1:
                odd = [a for c in cs[1:] for a in c]
                found["mixed"].append((n, f'{e["id"]} {e["type"]} "{e["name"]}" ({n}): odd {odd}'))
        if e["type"] in ("GPE", "LOC"):
            ones = {a.lower() for a in al if len(a.split()) == 1}
            for a in al:
                ws = a.split()
                if len(ws) > 1 and ws[0].lower() in ones and ws[1].lower() not in STATE_HEADS and ws[1][:1].isupper():
                    found["absorbed"].append((n, f'{e["id"]} {e["type"]} "{e["name"]}" ({n}): "{a}"'))
        for a in al:
            ws = a.replace("\u2019", "'").split()
            if not ws:
                continue
            bad = ws[-1].lower() in FUNC or (ws[0].lower() in FUNC and ws[0] != "The") or ws[0].startswith("'")
            if bad:
                found["fragment"].append((n, f'{e["id"]} {e["type"]} "{e["name"]}" ({n}): "{a}"'))
            elif any(w.endswith("'") or w.endswith("'s") for w in ws[:-1]):
                found["possessive"].append((n, f'{e["id"]} {e["type"]} "{e["name"]}" ({n}): "{a}"'))
    for e in ents:
        if e["type"] == "PERSON" and len(e["name"].split()) <= 2 and DEMONYM.match(e["name"]) and \
                all(DEMONYM.match(a) for a in e["aliases"]) and e["name"][-1] in "ns" and \
                re.search(r"(ian|ean|an|ese|ish)s?$", e["name"]):
            n = len(e["mentions"])
            found["typeconf"].append((n, f'{e["id"]} PERSON "{e["name"]}" ({n}): demonym?'))
    for t, m in bytext.items():
        if len(m) > 1:
            tot = sum(x[2] for v in m.values() for x in v)
            desc = "; ".join(f'{ty}: ' + ", ".join(f'{i} "{nm}"' for i, nm, _ in v[:3]) for ty, v in sorted(m.items()))
            found["typeconf"].append((tot, f'"{t}" -> {desc}'))
    print(f'{len(ents)} entities')
    for k, v in found.items():
        print(f'{k}: {len(v)}')
    for k, v in found.items():
        if only and k != only:
            continue
        print(f'\n== {k} (top {show} by mentions)')
        for _, line in sorted(v, key=lambda x: -x[0])[:show]:
            print("  " + line)


if __name__ == "__main__":
    main()
