#!/usr/bin/env python3
"""Validate corpus/pages: every truth/<id>.json has the required fields, a
matching html/<id>.html.gz that decompresses, a non-empty articleBody in the
normalised form, and a split that matches the SHA-256 rule.

Usage: python3 tools/check.py [corpus/pages dir]   (exit status 1 on errors)
"""
import collections
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
FIELDS = ["id", "source", "url", "language", "siteType", "split", "articleBody", "title",
          "byline", "published", "canonical"]
SOURCE_FIELDS = ["collection", "repo", "commit", "path", "licence"]
SITE_TYPES = {"news", "blog", "government", "magazine", "review", "reference", "forum", "other"}
ID_RX = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RX = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$")


def split_of(pid):
    return "dev" if int(hashlib.sha256(pid.encode()).hexdigest(), 16) % 10 < 6 else "test"


def main():
    errors = []
    warnings = []
    stats = collections.defaultdict(collections.Counter)
    total_html = 0
    truth_files = sorted((ROOT / "truth").glob("*.json"))
    html_ids = {p.name[:-len(".html.gz")] for p in (ROOT / "html").glob("*.html.gz")}
    for tf in truth_files:
        pid = tf.stem

        def err(msg):
            errors.append(f"{pid}: {msg}")

        try:
            d = json.loads(tf.read_text(encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            err(f"unreadable JSON ({e})")
            continue
        missing = [f for f in FIELDS if f not in d]
        if missing:
            err(f"missing fields {missing}")
        extra = [f for f in d if f not in FIELDS]
        if extra:
            err(f"unexpected fields {extra}")
        if d.get("id") != pid:
            err(f"id {d.get('id')!r} does not match file name")
        if not ID_RX.match(pid):
            err("id has characters outside [a-z0-9-]")
        src = d.get("source") or {}
        for f in SOURCE_FIELDS:
            if not src.get(f):
                err(f"source.{f} missing")
        if src.get("commit") and not re.fullmatch(r"[0-9a-f]{40}", src["commit"]):
            err("source.commit is not 40 hex digits")
        if d.get("split") != split_of(pid):
            err(f"split {d.get('split')!r} != {split_of(pid)!r}")
        if d.get("siteType") not in SITE_TYPES:
            err(f"siteType {d.get('siteType')!r}")
        lang = d.get("language")
        if not (isinstance(lang, str) and re.fullmatch(r"[a-z]{2}", lang)):
            err(f"language {lang!r} is not a two-letter code")
        body = d.get("articleBody")
        if not isinstance(body, str) or not body.strip():
            err("articleBody empty")
        else:
            lines = body.split("\n")
            if any(not l.strip() for l in lines):
                err("articleBody has empty lines")
            if any(l != l.strip() or re.search(r"\s\s|[\t\r\f\v]", l) for l in lines):
                err("articleBody has uncollapsed whitespace")
            tags = re.findall(r"</?(?:p|div|span|a|br|li|h[1-6])\b[^>]*>", body, re.I)
            if len(tags) > 20:
                err(f"articleBody contains HTML tags ({len(tags)})")
            elif tags:  # a few literal tags occur in articles about HTML/JS code
                warnings.append(f"{pid}: {len(tags)} tag-like string(s) in articleBody (literal code?)")
        for f in ("url", "canonical"):
            v = d.get(f)
            if v is not None and not re.match(r"^https?://", v):
                err(f"{f} is not an http(s) URL: {v!r}")
        for f in ("title", "byline"):
            v = d.get(f)
            if v is not None and (not isinstance(v, str) or not v.strip()):
                err(f"{f} must be a non-empty string or null")
        pub = d.get("published")
        if pub is not None and not DATE_RX.match(pub):
            err(f"published {pub!r} is not ISO-8601")
        hp = ROOT / "html" / f"{pid}.html.gz"
        if not hp.exists():
            err("html file missing")
        else:
            try:
                raw = gzip.decompress(hp.read_bytes())
                total_html += len(raw)
                if not raw.strip():
                    err("html file is empty")
            except Exception as e:  # noqa: BLE001
                err(f"html file does not decompress ({e})")
        stats["collection"][src.get("collection")] += 1
        stats["split"][d.get("split")] += 1
        stats["language"][lang] += 1
        stats["siteType"][d.get("siteType")] += 1
    for orphan in sorted(html_ids - {t.stem for t in truth_files}):
        errors.append(f"{orphan}: html without truth file")
    print(f"{len(truth_files)} pages, {total_html / 1e6:.1f} MB uncompressed HTML")
    for k, c in stats.items():
        print(f"{k}: " + ", ".join(f"{a}={b}" for a, b in c.most_common()))
    for w_ in warnings:
        print("warning: " + w_)
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
