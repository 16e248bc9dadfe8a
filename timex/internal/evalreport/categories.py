#!/usr/bin/env python3
"""Count the wrong TIMEX3 values of an evalreport run by category (see docs/notes/timex.md).

  categories.py REPORT.json [-v CATEGORY] [GOLD.json]

Matching is score_timex.py's own (relaxed, greedy). -v lists the cases of one category.
"""
import json,sys,re
sys.path.insert(0,'/work/shared/eval')  # evalcommon, score_timex
import evalcommon as ec
rep=json.load(open(sys.argv[1])); show=sys.argv[3] if len(sys.argv)>3 and sys.argv[2]=='-v' else None
gpath=sys.argv[-1] if sys.argv[-1].endswith('gold.json') else '/work/shared/data/tempeval3-tbaq-dev/accord/gold.json'
gold=json.load(open(gpath))['documents']
import importlib.util
spec=importlib.util.spec_from_file_location('st','/work/shared/eval/score_timex.py'); st=importlib.util.module_from_spec(spec); spec.loader.exec_module(st)
preds={}
for t in rep['temporal_expressions']:
    sp=ec.span_of(t)
    if sp: preds.setdefault(sp[0],[]).append({'start':sp[1],'end':sp[2],'value':t.get('value'),'text':t.get('text')})
WD=r'(mon|tues|wednes|thurs|fri|satur|sun)day'
MON=r'\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b'
def cat(g,p):
    gv,pv,tx=g['value'],p['value'] or '',g['text'].lower()
    if re.search(r'T(NI|MO|EV|AF|DT)$',gv) or re.search(r'T(NI|MO|EV|AF)$',pv) or re.search(r'night|morning|evening|afternoon',tx): return 'part-of-day'
    if re.search(WD,tx): return 'weekday'
    if 'T' in gv[4:] or 'T' in pv[4:]: return 'clock-time'
    if re.search(r'W',gv) or re.search(r'W',pv) or 'week' in tx: return 'week'
    if re.search(r'Q|H\d',gv) or re.search(r'Q|H\d',pv) or re.search(r'quarter|period|year-(ago|earlier)|year (ago|earlier)|last year|the year|this year|fiscal',tx): return 'quarter/year (earnings)'
    if re.search(MON,tx) and not re.search(r'\d{4}',tx): return 'month w/o year'
    if re.fullmatch(r'\d\d\dX?|\d\dX*',gv) or 'decade' in tx or 'centur' in tx or re.search(r'\d0s',tx): return 'decade/century'
    if re.search(r'_REF',gv) or re.search(r'_REF',pv): return 'PAST/PRESENT/FUTURE_REF'
    if gv.startswith('P') or pv.startswith('P'): return 'duration'
    return 'other'
from collections import Counter
c=Counter(); tot=0; ok=0; miss=0; spur=0; rel=0
for did,g in gold.items():
    gl=g['timexes']; pl=preds.get(did,[])
    m=st.match(gl,pl)
    miss+=len(gl)-len(m); spur+=len(pl)-len(m); rel+=len(m)
    for gi,pi in m:
        gx,px=gl[gi],pl[pi]
        if gx['value']==px['value']: ok+=1; continue
        k=cat(gx,px); c[k]+=1
        if show and k==show: print(f"  {did} {gx['text']!r}: gold {gx['value']} pred {px['value']} ({px['text']!r})")
print(f"relaxed {rel} value-ok {ok} wrong {rel-ok}; missed {miss} false alarms {spur}")
for k,v in c.most_common(): print(f"  {k:28s} {v}")
