#!/usr/bin/env python3
"""Recall of make_bulk.py gold copy links through a report's predicted copy links (union-find),
by kind and spin rate, and the share of predicted pairs inside one gold family (not a precision:
make_bulk remixes share whole sentences with their sources).

    python3 copies/internal/evalreport/bulk_recall.py REPORT.json BULK.gold.jsonl.gz
"""
import json,gzip,sys,collections
rep=json.load(open(sys.argv[1]))
par={}
def find(x):
    while par.get(x,x)!=x:
        par[x]=par.get(par[x],par[x]); x=par[x]
    return x
pairs=set()
for l in rep['links']:
    if l['kind']=='cites': continue
    a,b=find(l['from']),find(l['to'])
    if a!=b: par[a]=b
    pairs.add(frozenset((l['from'],l['to'])))
ids={d['id'] for d in rep['documents']}
gold=[g for g in (json.loads(x) for x in gzip.open(sys.argv[2],'rt')) if g['from'] in ids and g['to'] in ids]  # links inside the report's documents
# gold groups via union find
gp={}
def gfind(x):
    while gp.get(x,x)!=x:
        gp[x]=gp.get(gp[x],gp[x]); x=gp[x]
    return x
for g in gold:
    a,b=gfind(g['from']),gfind(g['to'])
    if a!=b: gp[a]=b
rec=collections.Counter(); tot=collections.Counter()
for g in gold:
    k=g['kind'] if g['kind']!='spun_copy' else 'spun@%s'%g.get('rate')
    tot[k]+=1
    if find(g['from'])==find(g['to']): rec[k]+=1
for k in sorted(tot): print('%-16s recall %.3f (%d/%d)'%(k,rec[k]/tot[k],rec[k],tot[k]))
print('all recall %.3f'%(sum(rec.values())/sum(tot.values())))
ok=sum(1 for p in pairs if len(p)==2 and gfind(list(p)[0])==gfind(list(p)[1]))
print('pred pairs %d, in same gold family %d, precision %.3f'%(len(pairs),ok,ok/max(1,len(pairs))))
