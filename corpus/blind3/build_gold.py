"""Build corpus/blind3 (articles/*.txt and gold.jsonl) from the texts and the
annotation lines in articles_src.py. Offsets are found by search, never counted."""
import json
import pathlib
import re
import shlex
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from articles_src import ARTICLES

LAB = {"MON": "MONEY", "PCT": "PERCENT", "REG": "REGION", "ORG": "ORG",
       "IND": "INDICATOR", "PER": "PERIOD"}
RELS = {"I": "INDICATOR", "P": "PERIOD", "R": "REGION", "EQ": "EQUALS", "CMP": "COMPARED_TO"}
HERE = pathlib.Path(__file__).parent


def occurrences(text, s, lo=0, hi=None):
    hi = len(text) if hi is None else hi
    out, i = [], lo
    while True:
        j = text.find(s, i, hi)
        if j < 0:
            return out
        ok = True
        if s[0].isalnum() and j > 0 and text[j - 1].isalnum():
            ok = False
        if s[0].isdigit() and j > 1 and text[j - 1] in ".," and text[j - 2].isdigit():
            ok = False
        e = j + len(s)
        if s[-1].isalnum() and e < len(text) and text[e].isalnum():
            ok = False
        if s[-1].isdigit() and e + 1 < len(text) and text[e] in ".," and text[e + 1].isdigit():
            ok = False
        if ok:
            out.append(j)
        i = j + 1


def build(a):
    text = " date %s " % a["date"] + "\n".join(a["lines"])
    # line bounds
    bounds, pos = [], 0
    for ln in text.split("\n"):
        bounds.append((pos, pos + len(ln)))
        pos += len(ln) + 1
    spans, keys, rels = [], {}, []
    for raw in a["ann"].strip().splitlines():
        raw = raw.strip()
        if not raw or raw.startswith("//"):
            continue
        toks = shlex.split(raw)
        lab, key, surf = toks[0], toks[1], toks[2]
        rest = toks[3:]
        line, nth = None, 1
        m = re.match(r"^(.*?)(?:@(\d+))?(?:#(\d+))?$", surf, re.S)
        surf, line, nth = m.group(1), m.group(2), int(m.group(3) or 1)
        if line is not None:
            lo, hi = bounds[int(line)]
            occ = occurrences(text, surf, lo, hi)
        else:
            occ = occurrences(text, surf)
            if len(occ) != 1 and m.group(3) is None:
                raise SystemExit("%s: %r occurs %d times" % (a["id"], surf, len(occ)))
        if len(occ) < nth:
            raise SystemExit("%s: %r not found (line %s)" % (a["id"], surf, line))
        st = occ[nth - 1]
        sp = {"start": st, "end": st + len(surf), "label": LAB[lab], "text": surf}
        assert text[sp["start"]:sp["end"]] == surf
        relspec = []
        if lab in ("MON", "PCT"):
            val = float(rest[0])
            unit = rest[1]
            sp["value"] = val
            sp["unit"] = unit
            rest = rest[2:]
            for t in rest:
                if t.startswith("low="):
                    sp["low"] = float(t[4:])
                    continue
                if t.startswith("high="):
                    sp["high"] = float(t[5:])
                    continue
                k, v = t.split("=")
                relspec.append((RELS[k], v))
        else:
            assert not rest, raw
        if key in keys:
            raise SystemExit("%s: duplicate key %s" % (a["id"], key))
        keys[key] = sp
        spans.append(sp)
        for rl, ck in relspec:
            rels.append((key, rl, ck))
    relations = []
    for hk, rl, ck in rels:
        h, c = keys[hk], keys[ck]
        relations.append({"head_span": {"start": h["start"], "end": h["end"], "label": h["label"]},
                          "child_span": {"start": c["start"], "end": c["end"], "label": c["label"]},
                          "label": rl})
    spans.sort(key=lambda s: (s["start"], s["end"]))
    meta = {"source": "corpus/blind3/articles/%s.txt" % a["name"], "date": a["date"], "outlet": a["outlet"]}
    return {"id": a["id"], "text": text, "meta": meta, "spans": spans, "relations": relations}


def validate(r):
    t = r["text"]
    S = {(s["start"], s["end"], s["label"]) for s in r["spans"]}
    # overlapping spans
    ss = sorted(r["spans"], key=lambda s: s["start"])
    for x, y in zip(ss, ss[1:]):
        if y["start"] < x["end"]:
            raise SystemExit("%s overlap %r %r" % (r["id"], x["text"], y["text"]))
    for s in r["spans"]:
        assert t[s["start"]:s["end"]] == s["text"]
        assert s["text"] == s["text"].strip()
    seen = {}
    expect_child = {"INDICATOR": {"INDICATOR"}, "PERIOD": {"PERIOD"}, "REGION": {"REGION"},
                    "EQUALS": {"MONEY", "PERCENT"}, "COMPARED_TO": {"MONEY", "PERCENT", "PERIOD"}}
    for rel in r["relations"]:
        h, c = rel["head_span"], rel["child_span"]
        assert (h["start"], h["end"], h["label"]) in S and h["label"] in ("MONEY", "PERCENT"), rel
        assert (c["start"], c["end"], c["label"]) in S, rel
        assert c["label"] in expect_child[rel["label"]], (r["id"], rel)
        k = (h["start"], rel["label"])
        if rel["label"] in ("INDICATOR", "PERIOD", "REGION"):
            assert k not in seen, (r["id"], t[h["start"]:h["end"]], rel["label"])
            seen[k] = 1
    # PERIOD/REGION children in same line (paragraph) as the head, except dateline rule
    for rel in r["relations"]:
        if rel["label"] in ("PERIOD", "REGION"):
            h, c = rel["head_span"], rel["child_span"]
            a, b = sorted([h["start"], c["start"]])
            if "\n" in t[a:b]:
                raise SystemExit("%s cross-paragraph %s" % (r["id"], rel))


if __name__ == "__main__":
    out = []
    for a in ARTICLES:
        r = build(a)
        validate(r)
        n = len(r["text"]) - len(" date %s " % a["date"])
        (HERE / "articles" / (a["name"] + ".txt")).write_text(r["text"], encoding="utf-8")
        out.append(r)
        print(r["id"], a["name"], "chars", n, "spans", len(r["spans"]), "rels", len(r["relations"]))
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if "-v" in sys.argv:
        for r in out:
            print("=" * 20, r["id"])
            t = r["text"]
            byst = {(s["start"], s["end"]): s for s in r["spans"]}
            for s in r["spans"]:
                line = t[:s["start"]].count("\n")
                rr = [(x["label"], t[x["child_span"]["start"]:x["child_span"]["end"]] + "@%d" % t[:x["child_span"]["start"]].count("\n"))
                      for x in r["relations"] if (x["head_span"]["start"], x["head_span"]["end"]) == (s["start"], s["end"])]
                print(" L%d %-9s %-40r %s %s" % (line, s["label"], s["text"], s.get("value", ""), s.get("unit", "")), rr if rr else "")
