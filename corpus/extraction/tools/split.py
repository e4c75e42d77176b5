#!/usr/bin/env python3
"""Gives each document without a split its split, from a hash of its id: 60 % train, 20 % dev, 20 % test.
A document's split never changes once set: the test split stays unseen while the extractor is tuned."""
import hashlib, json, pathlib

def split_of(doc_id):
    bucket = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if bucket < 6 else "dev" if bucket < 8 else "test"

docs = pathlib.Path(__file__).parent.parent / "docs"
counts = {}
for path in sorted(docs.glob("*.json")):
    doc = json.loads(path.read_text(encoding="utf-8"))
    if doc.get("split") is None:
        doc["split"] = split_of(doc["id"])
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts[doc["split"]] = counts.get(doc["split"], 0) + 1
print(counts)
