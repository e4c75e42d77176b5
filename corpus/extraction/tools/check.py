#!/usr/bin/env python3
"""Checks corpus documents against the format in ../README.md; prints one line per problem."""
import json, sys, pathlib

STAGES = {"proposed", "planned", "announced", "agreed", "launched", "expanded", "completed", "cancelled", "suspended"}
TOPICS = {"defense", "intelligence", "space", "technology", "trade", "energy-climate", "health", "diplomacy",
          "culture", "education", "humanitarian", "other"}
KINDS = {"news", "government-release", "fact-sheet", "intergovernmental", "no-announcement"}

def check(path):
    problems = []
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:
        return [f"{path.name}: not JSON: {e}"]
    for key in ("id", "source", "kind", "text", "initiatives"):
        if key not in doc:
            problems.append(f"{path.name}: missing {key}")
    if problems:
        return problems
    if doc["id"] + ".json" != path.name:
        problems.append(f"{path.name}: id {doc['id']} does not match the file name")
    if doc["kind"] not in KINDS:
        problems.append(f"{path.name}: kind {doc['kind']}")
    if "licence" not in doc["source"]:
        problems.append(f"{path.name}: source has no licence")
    text = doc["text"]
    for i, label in enumerate(doc["initiatives"]):
        where = f"{path.name} initiative {i}"
        if label.get("evidence", "") not in text or not label.get("evidence"):
            problems.append(f"{where}: evidence is not a substring of text: {label.get('evidence', '')[:80]!r}")
        if label.get("stage") not in STAGES:
            problems.append(f"{where}: stage {label.get('stage')}")
        if not label.get("topics") or any(t not in TOPICS for t in label["topics"]):
            problems.append(f"{where}: topics {label.get('topics')}")
        if any(len(c) != 2 or not c.isupper() for c in label.get("countries", [])):
            problems.append(f"{where}: countries {label.get('countries')}")
        if not label.get("title"):
            problems.append(f"{where}: no title")
    for i, look in enumerate(doc.get("lookalikes", [])):
        if look.get("evidence", "") not in text or not look.get("evidence"):
            problems.append(f"{path.name} lookalike {i}: evidence is not a substring of text")
    return problems

if __name__ == "__main__":
    paths = [pathlib.Path(p) for p in sys.argv[1:]] or sorted(pathlib.Path(__file__).parent.parent.joinpath("docs").glob("*.json"))
    all_problems = [p for path in paths for p in check(path)]
    print("\n".join(all_problems) if all_problems else f"{len(paths)} documents, no problems")
    sys.exit(1 if all_problems else 0)
