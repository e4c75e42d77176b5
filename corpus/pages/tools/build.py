#!/usr/bin/env python3
"""Build the boilerplate-removal development corpus (corpus/pages) from local
git mirrors of published evaluation sets.

Usage:
    python3 tools/build.py [--mirror-root /work/.mirror] [--out DIR]

Every input is read with `git --git-dir=<mirror> show <commit>:<path>` at the
commits pinned in SOURCES below, so a rebuild from the same mirrors gives the
same files. Python 3.11 stdlib only.
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import tarfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent

# ---------------------------------------------------------------- sources ---
SOURCES = {
    "readability": {
        "repo": "mozilla/readability",
        "mirror": "mozilla+readability/repo",
        "commit": "ab4027a8b37669745016869a37a504727992b2ba",
        "collection": "Mozilla Readability test pages",
        "licence": "Apache-2.0 (repository); page text © publisher, distributed as test data",
    },
    "fundus": {
        "repo": "flairNLP/fundus",
        "mirror": "flairNLP+fundus/repo",
        "commit": "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8",
        "collection": "Fundus parser test data",
        "licence": "MIT (repository); page text © publisher, distributed as test data",
    },
    "dragnet": {
        # gold standard (Corrected/*.corrected.txt) from the original data repo
        "repo": "seomoz/dragnet_data",
        "mirror": "seomoz+dragnet_data/repo",
        "commit": "95559bee8812387d8e2cca2e8090004319ab9602",
        # HTML: dragnet_HTML.tar.gz of seomoz/dragnet_data is not available in
        # the snapshot (file too large), so the HTML comes from the unpacked copy
        # in j-szulc/html-cleaning-dataset-merged (dragnet_data/input/<name>.html)
        "html_repo": "j-szulc/html-cleaning-dataset-merged",
        "html_mirror": "j-szulc+html-cleaning-dataset-merged/repo",
        "html_commit": "46e01a04b47051838a228bf23631430b2c9de375",
        "collection": "Dragnet data (Moz, 2012)",
        "licence": "AGPL-3.0 (data, per seomoz/dragnet_data README); page text © publisher",
        "sample": 150,
        "seed": 20120601,
    },
    "cleaneval": {
        "repo": "j-szulc/html-cleaning-dataset-merged",
        "mirror": "j-szulc+html-cleaning-dataset-merged/repo",
        "commit": "46e01a04b47051838a228bf23631430b2c9de375",
        "collection": "CleanEval final test set (via j-szulc/html-cleaning-dataset-merged)",
        "licence": "CleanEval (ACL SIGWAC 2007) shared-task data, no explicit licence; mirror states all rights with original owners; page text © publisher",
        "sample": 40,
        "seed": 2007,
    },
    "newspaper4k": {
        "repo": "AndyTheFactory/newspaper4k",
        "mirror": "AndyTheFactory+newspaper4k/repo",
        "commit": "540bff3e8344cb8291c4829fafd98860f30d9692",
        "collection": "newspaper4k test data (expected text = library regression output)",
        "licence": "MIT (repository); page text © publisher, distributed as test data",
    },
}

# per-country caps (seeded sample of publishers) to keep German/US/UK from
# dominating and to stay within the HTML size budget; other countries: all
FUNDUS_CAPS = {"de": 22, "us": 12, "uk": 10}
FUNDUS_SEED = 2024
FUNDUS_MAX_BYTES = 1_500_000  # size budget: larger captures are left out

# Pages about the April 2024 US-Japan state visit are reserved: skip them.
RESERVED_PATTERNS = [re.compile(p, re.I) for p in [r"\bKishida\b", r"岸田", r"기시다", r"Кисида"]]


def git_show(mirror, commit, path):
    r = subprocess.run(["git", "--git-dir", mirror, "show", f"{commit}:{path}"],
                       capture_output=True)
    if r.returncode != 0:
        raise FileNotFoundError(f"{mirror} {commit}:{path}: {r.stderr.decode(errors='replace')}")
    return r.stdout


def git_ls(mirror, commit, path, recursive=True):
    args = ["git", "--git-dir", mirror, "ls-tree", "--name-only"]
    if recursive:
        args.append("-r")
    args += [commit, path]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.split("\n")[:-1]


# ------------------------------------------------------- html -> text -------
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre",
         "figcaption", "dd", "dt", "section", "article", "br", "ul", "ol", "dl", "table",
         "thead", "tbody", "tfoot", "caption", "figure", "header", "footer", "main", "aside",
         "nav", "hr", "address", "details", "summary", "form", "fieldset", "legend", "center",
         "body", "html", "hgroup", "menu", "noscript", "option", "select", "textarea"}
CELL = {"td", "th"}
DROP = {"script", "style", "template", "head", "title", "svg", "annotation", "annotation-xml", "iframe", "object"}
WS = re.compile(r"\s+")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []
        self.cur = []
        self.drop = 0
        self.pre = 0

    def _flush(self):
        line = WS.sub(" ", "".join(self.cur)).strip()
        if line:
            self.lines.append(line)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in DROP:
            self.drop += 1
            return
        if self.drop:
            return
        if tag in BLOCK:
            self._flush()
            if tag == "pre":
                self.pre += 1
        elif tag in CELL:
            self.cur.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in DROP or self.drop:
            return
        if tag in BLOCK:
            self._flush()
        elif tag in CELL:
            self.cur.append(" ")

    def handle_endtag(self, tag):
        if tag in DROP:
            if self.drop:
                self.drop -= 1
            return
        if self.drop:
            return
        if tag in BLOCK:
            self._flush()
            if tag == "pre" and self.pre:
                self.pre -= 1
        elif tag in CELL:
            self.cur.append(" ")

    def handle_data(self, data):
        if self.drop:
            return
        if self.pre:
            parts = data.split("\n")
            for i, part in enumerate(parts):
                if i:
                    self._flush()
                self.cur.append(part)
        else:
            self.cur.append(data)

    def close(self):
        super().close()
        self._flush()


def html_to_text(html):
    p = _TextExtractor()
    p.feed(html)
    p.close()
    return "\n".join(p.lines)


def normalise_lines(lines):
    out = []
    for line in lines:
        line = WS.sub(" ", line).strip()
        if line:
            out.append(line)
    return "\n".join(out)


# ------------------------------------------------------------ helpers -------
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def decode_html(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    m = META_CHARSET.search(raw[:20000])
    if m:
        enc = m.group(1).decode("ascii", "ignore").lower()
        try:
            if enc in ("iso-8859-1", "latin-1", "us-ascii", "ascii"):
                enc = "cp1252"
            return raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.I | re.S)

STOP = {
    "en": "the and of to in is that for it with was on as are this be by at from have".split(),
    "de": "der die und das ist nicht mit den von zu sich des auf für ein eine dem im".split(),
    "fr": "le la les et des est une dans pour que qui pas sur du au avec il elle".split(),
    "es": "el la los las de que y en un una es por para con del se su al como".split(),
    "it": "il di che la è e per un una non del della sono con le gli nel alla".split(),
    "pt": "o a os as de que e do da em um uma para com não no na por se".split(),
    "nl": "de het een en van is dat op te in niet met voor zijn er ook aan".split(),
    "hr": "je i u na se da su za od koji ne kao iz što ali će bi".split(),
    "sv": "och att det som en på är av för med till den har inte jag om".split(),
    "no": "og i det som en på er av for med til den har ikke jeg om å".split(),
    "da": "og i det at en på er af for med til den har ikke jeg som de".split(),
    "cs": "se na je že jako ve by ale jsou nebo byl které jeho také však".split(),
    "pl": "się że nie jest jak dla ale przez oraz jego które już".split(),
    "tr": "ve bir bu da de için ile olarak çok daha olan gibi en ancak".split(),
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga".split(),
}


def detect_language(text):
    sample = text[:20000]
    counts = {}
    for ch in sample:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF:
            k = "kana"
        elif 0x4E00 <= o <= 0x9FFF:
            k = "han"
        elif 0xAC00 <= o <= 0xD7AF:
            k = "ko"
        elif 0x0400 <= o <= 0x04FF:
            k = "cyr"
        elif 0x0600 <= o <= 0x06FF:
            k = "ar"
        elif 0x0590 <= o <= 0x05FF:
            k = "he"
        elif 0x0E00 <= o <= 0x0E7F:
            k = "th"
        elif 0x1000 <= o <= 0x109F:
            k = "my"
        elif 0x0900 <= o <= 0x097F:
            k = "hi"
        elif ch.isalpha():
            k = "latin"
        else:
            continue
        counts[k] = counts.get(k, 0) + 1
    if not counts:
        return "und"
    top = max(counts, key=counts.get)
    if top in ("han", "kana"):
        return "ja" if counts.get("kana", 0) > 0.05 * counts.get("han", 1) else "zh"
    if top == "cyr":
        return "uk" if re.search(r"[іїєґ]", sample) else "ru"
    if top != "latin":
        return top
    words = re.findall(r"[^\W\d_]+", sample.lower())
    best, score = "en", -1
    for lang, sw in STOP.items():
        s = set(sw)
        c = sum(1 for w in words if w in s)
        if c > score:
            best, score = lang, c
    return best


def norm_lang(code):
    if not code:
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    if code in ("nb", "nn"):
        return "no"
    if len(code) == 2 and code.isalpha():
        return code
    return {"ger": "de", "deu": "de", "eng": "en", "fra": "fr", "fre": "fr"}.get(code)


def page_language(meta_lang, html_text, body):
    lang = norm_lang(meta_lang)
    if lang:
        return lang
    m = HTML_LANG.search(html_text[:50000])
    if m:
        lang = norm_lang(m.group(1))
        if lang:
            return lang
    return detect_language(body)


def split_of(pid):
    return "dev" if int(hashlib.sha256(pid.encode()).hexdigest(), 16) % 10 < 6 else "test"


def make_id(*parts):
    s = "-".join(parts).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


TOKEN = re.compile(r"[^\W_]+", re.U)
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def tokens(text):
    toks = []
    for t in TOKEN.findall(text.lower()):
        if CJK.search(t):
            toks.extend(t)
        else:
            toks.append(t)
    return toks


def coverage(body, html_text):
    """Share of truth tokens that occur somewhere in the page text."""
    page = set(tokens(html_to_text(html_text)))
    # also tokens of attribute values / scripts (some truths come from JSON in scripts)
    page |= set(tokens(html_text))
    bt = tokens(body)
    if not bt:
        return 0.0
    return sum(1 for t in bt if t in page) / len(bt)


def host_of(url):
    m = re.match(r"(?:[a-z]+:)?//([^/:?#]+)", url or "", re.I)
    return m.group(1).lower() if m else ""


HREF = re.compile(r"""<(?:a|link)\b[^>]*?href\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)
CANON = [re.compile(r"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)""", re.I),
         re.compile(r"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)""", re.I),
         re.compile(r"""<base[^>]+href=["']([^"']+)""", re.I)]


def guess_host(html_text):
    """Page host, only used for the siteType judgement (never stored as url)."""
    for rx in CANON:
        m = rx.search(html_text)
        if m and host_of(m.group(1)):
            return host_of(m.group(1))
    counts = {}
    for u in HREF.findall(html_text):
        h = host_of(u)
        if h and not re.search(r"(facebook|twitter|google|doubleclick|addthis|w3\.org|feedburner|digg|delicious|linkedin|reddit|stumbleupon|youtube|yahoo\.com$)", h):
            counts[h] = counts.get(h, 0) + 1
    return max(counts, key=counts.get) if counts else ""


MAGAZINES = ("newyorker", "wired.", "rollingstone", "vogue", "theatlantic", "slate.", "salon.",
             "time.com", "newsweek", "vanityfair", "esquire", "gq.", "elle.", "cosmopolitan",
             "economist", "forbes", "nationalgeographic", "smithsonianmag", "harpers", "motherjones",
             "lifehacker", "gizmodo", "kotaku", "jezebel", "buzzfeed", "mashable", "fastcompany",
             "inc.com", "entrepreneur", "thenation", "newrepublic", "nymag", "vulture", "people.com",
             "eonline", "usmagazine", "popsci", "scientificamerican", "psychologytoday", "quanta",
             "citylab", "atlasobscura", "technologyreview", "businessweek")
NEWS_HINT = ("news", "times", "post", "herald", "tribune", "journal", "gazette", "daily", "chronicle",
             "guardian", "telegraph", "independent", "reuters", "bbc", "cnn", "nbc", "cbs", "abc",
             "fox", "npr", "bloomberg", "usatoday", "sfgate", "latimes", "nytimes", "wsj",
             "washingtonpost", "politico", "huffingtonpost", "observer", "register", "star",
             "examiner", "sun", "mirror", "express", "press", "inquirer", "courier", "bulletin",
             "techcrunch", "engadget", "arstechnica", "theverge", "cnet", "zdnet", "venturebeat",
             "theregister", "reuters", "ap.org", "aljazeera", "yahoo", "msn", "espn", "sports")


def site_type_from_host(host, path_hint="", default="other"):
    h = host.lower()
    p = path_hint.lower()
    if not h:
        return default
    if re.search(r"(\.gov(\.[a-z]{2})?$|\.gouv\.|\.gc\.ca$|\.mil$|europa\.eu$|\.gov\.|parliament|\.state\.[a-z]{2}\.us$|\.nhs\.uk$|\.police\.uk$)", h):
        return "government"
    if re.search(r"(wikipedia|wiki|fandom|baike|britannica|dictionary|\.edu$|\.ac\.[a-z]{2}$|ehow|webmd|howstuffworks|about\.com|answers\.|imdb)", h):
        return "reference"
    if re.search(r"(forum|board|bbs|community|discuss|stackexchange|stackoverflow|bitcointalk|groups\.)", h) or "/forum" in p or "showthread" in p or "viewtopic" in p:
        return "forum"
    if re.search(r"(blogspot|blogger|wordpress|typepad|livejournal|tumblr|medium\.com|blog|posterous|squarespace)", h) or "/blog" in p:
        return "blog"
    if re.search(r"(review|reviews|tomshardware|anandtech|rottentomatoes|metacritic|yelp|tripadvisor)", h) or "/review" in p:
        return "review"
    if any(m in h for m in MAGAZINES):
        return "magazine"
    if any(n in h for n in NEWS_HINT):
        return "news"
    return default


# ------------------------------------------------------------ writer --------
class Writer:
    def __init__(self, out):
        self.out = Path(out)
        (self.out / "html").mkdir(parents=True, exist_ok=True)
        (self.out / "truth").mkdir(parents=True, exist_ok=True)
        self.records = []
        self.excluded = []
        self.ids = set()
        self.digests = {}

    def exclude(self, source, name, reason):
        self.excluded.append({"source": source, "name": name, "reason": reason})
        print(f"EXCLUDE {source} {name}: {reason}", file=sys.stderr)

    def add(self, pid, raw_html, gz_bytes, truth, html_text):
        if pid in self.ids:
            raise ValueError(f"duplicate id {pid}")
        body = truth["articleBody"]
        blob = body + "\n" + (truth.get("title") or "")
        for rx in RESERVED_PATTERNS:
            if rx.search(blob):
                self.exclude(truth["source"]["collection"], pid, "reserved topic (April 2024 US-Japan state visit / Kishida)")
                return False
        digest = hashlib.sha256(raw_html).hexdigest()
        if digest in self.digests:
            self.exclude(truth["source"]["collection"], pid, f"same HTML bytes as {self.digests[digest]}")
            return False
        self.digests[digest] = pid
        self.ids.add(pid)
        if gz_bytes is None:
            gz_bytes = gzip.compress(raw_html, compresslevel=9, mtime=0)
        (self.out / "html" / f"{pid}.html.gz").write_bytes(gz_bytes)
        rec = {"id": pid}
        rec.update(truth)
        rec["split"] = split_of(pid)
        ordered = {k: rec.get(k) for k in ["id", "source", "url", "language", "siteType", "split",
                                           "articleBody", "title", "byline", "published", "canonical"]}
        with open(self.out / "truth" / f"{pid}.json", "w", encoding="utf-8") as f:
            json.dump(ordered, f, indent=1, ensure_ascii=False)
            f.write("\n")
        self.records.append({"id": pid, "collection": truth["source"]["collection"],
                             "language": ordered["language"], "siteType": ordered["siteType"],
                             "split": ordered["split"], "htmlBytes": len(raw_html),
                             "bodyChars": len(body)})
        return True


def src_block(key, path, repo=None, commit=None):
    s = SOURCES[key]
    return {"collection": s["collection"], "repo": repo or s["repo"],
            "commit": commit or s["commit"], "path": path, "licence": s["licence"]}


def check_truth(w, source, name, body, html_text, min_cov=0.6, min_chars=1):
    if not body or len(body.strip()) < min_chars:
        w.exclude(source, name, "empty ground truth")
        return False
    cov = coverage(body, html_text)
    if cov < min_cov:
        w.exclude(source, name, f"ground truth does not match the HTML (token coverage {cov:.2f})")
        return False
    return True


# ------------------------------------------------------------ readability ---
READABILITY_TYPES = {
    "news": "aktualne ars-1 bbc-1 breitbart bug-1255978 cnet cnet-svg-classes cnn folha gmw guardian-1 heise "
            "herald-sun-1 la-nacion lemonde-1 liberation-1 lwn-1 medicalnewstoday msn nytimes-1 nytimes-2 "
            "nytimes-3 nytimes-4 nytimes-5 qq schema-org-context-object seattletimes-1 spiceworks telegraph "
            "tmz-1 videos-1 videos-2 wapo-1 wapo-2 yahoo-1 yahoo-2 yahoo-3 yahoo-4 youth",
    "review": "engadget theverge",
    "magazine": "article-author-tag buzzfeed-1 citylab-1 lazy-image-2 lifehacker-post-comment-load "
                "lifehacker-working quanta-1 salon-1 wikia",
    "blog": "001 002 aclu blogger daringfireball-1 dropbox-blog ebb-org firefox-nightly-blog gitlab-blog iab-1 "
            "keep-images keep-tabular-data lazy-image-1 links-in-tables medium-1 medium-2 medium-3 pixnet "
            "simplyfound-1 toc-missing topicseed-1 tumblr v8-blog wordpress",
    "reference": "clean-links ehow-1 ehow-2 google-sre-book-1 ietf-1 mercurial webmd-1 webmd-2 wikipedia "
                 "wikipedia-2 wikipedia-3 wikipedia-4",
    "other": "archive-of-our-own hukumusume mozilla-1 mozilla-2 royal-road",
}
READABILITY_TYPE = {n: t for t, ns in READABILITY_TYPES.items() for n in ns.split()}


def build_readability(w, root):
    s = SOURCES["readability"]
    g = os.path.join(root, s["mirror"])
    c = s["commit"]
    names = sorted({p.split("/")[2] for p in git_ls(g, c, "test/test-pages/")})
    n = 0
    for name in names:
        base = f"test/test-pages/{name}/"
        raw = git_show(g, c, base + "source.html")
        expected = git_show(g, c, base + "expected.html").decode("utf-8")
        try:
            meta = json.loads(git_show(g, c, base + "expected-metadata.json").decode("utf-8"))
        except FileNotFoundError:
            meta = {}
        html_text = decode_html(raw)
        body = html_to_text(expected)
        if not check_truth(w, s["collection"], name, body, html_text):
            continue
        pid = make_id("readability", name)
        truth = {
            "source": src_block("readability", base),
            "url": None,
            "language": page_language(meta.get("lang"), html_text, body),
            # synthetic unit-test fixtures (not real pages) are typed "other"
            "siteType": READABILITY_TYPE.get(name, "other"),
            "articleBody": body,
            "title": meta.get("title") or None,
            "byline": meta.get("byline") or None,
            "published": meta.get("publishedTime") or None,
            "canonical": None,
        }
        n += w.add(pid, raw, None, truth, html_text)
    return n


# ------------------------------------------------------------ fundus --------
FUNDUS_TYPES = {
    "magazine": {"VogueDE", "RollingStone", "TheNewYorker", "Wired", "TheNation", "Gamestar",
                 "MotorSportMagazin", "Nature", "Krautreporter", "RestOfWorld"},
    "review": {"TechRadar"},
    "blog": {"Postillon", "WorldTruth"},
}


def fundus_body(v):
    lines = []
    body = v.get("body") or {}
    lines += body.get("summary") or []
    for sec in body.get("sections") or []:
        lines += sec.get("headline") or []
        lines += sec.get("paragraphs") or []
    return normalise_lines(lines)


def build_fundus(w, root):
    s = SOURCES["fundus"]
    g = os.path.join(root, s["mirror"])
    c = s["commit"]
    base = "tests/resources/parser/test_data/"
    files = git_ls(g, c, base)
    by_pub = {}
    for f in files:
        rel = f[len(base):]
        if "/" not in rel:
            continue
        country, fname = rel.split("/", 1)
        if fname.endswith(".html.gz"):
            pub = fname[:-len(".html.gz")].split("_", 1)[0]
            by_pub.setdefault((country, pub), []).append(f)
    selected = sorted(k for k in by_pub if k[0] not in FUNDUS_CAPS)
    for country, cap in sorted(FUNDUS_CAPS.items()):
        rng = random.Random(f"{FUNDUS_SEED}-{country}")
        pubs = sorted(k for k in by_pub if k[0] == country)
        selected += sorted(rng.sample(pubs, min(cap, len(pubs))))
    meta_cache = {}
    n = 0
    for country, pub in selected:
        htmls = sorted(by_pub[(country, pub)], key=lambda p: p.rsplit("_", 3)[-3:])
        try:
            data = json.loads(git_show(g, c, f"{base}{country}/{pub}.json").decode("utf-8"))
        except FileNotFoundError:
            w.exclude(s["collection"], f"{country}/{pub}", "no test JSON")
            continue
        versions = sorted(data, key=lambda k: int(re.sub(r"\D", "", k) or 0))
        if country not in meta_cache:
            meta_cache[country] = json.loads(git_show(g, c, f"{base}{country}/meta.info").decode("utf-8"))
        # parser versions are ordered by validity; test HTML files by crawl date:
        # the newest file belongs to the newest version
        path = htmls[-1]
        v = data[versions[-1]]
        gz = git_show(g, c, path)
        raw = gzip.decompress(gz)
        if len(raw) > FUNDUS_MAX_BYTES:
            w.exclude(s["collection"], path.rsplit("/", 1)[1], f"HTML too large for the size budget ({len(raw)} bytes)")
            continue
        html_text = raw.decode("utf-8", "replace")
        body = fundus_body(v)
        fname = path.rsplit("/", 1)[1]
        if not check_truth(w, s["collection"], fname, body, html_text, min_cov=0.8):
            continue
        info = meta_cache[country].get(fname, {})
        authors = v.get("authors") or []
        pd = v.get("publishing_date")
        stype = "news"
        for t, pubs in FUNDUS_TYPES.items():
            if pub in pubs:
                stype = t
        pid = make_id("fundus", country, pub)
        truth = {
            "source": src_block("fundus", path),
            "url": info.get("url"),
            "language": page_language(None, html_text, body),
            "siteType": stype,
            "articleBody": body,
            "title": v.get("title") or None,
            "byline": ", ".join(authors) if authors else None,
            "published": pd.replace(" ", "T", 1) if pd else None,
            "canonical": None,
        }
        n += w.add(pid, raw, gz, truth, html_text)
    return n


# ------------------------------------------------------------ dragnet -------
# The separator is not spelled alike in every file ("COMMENTS", "COMMNENTS", one or two spaces).
COMMENTS_MARK = re.compile(r"!@#\$%\^&\*\(\)\s*COMM\w*")


def decode_text(b):
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("cp1252", "replace")


def build_dragnet(w, root):
    s = SOURCES["dragnet"]
    g = os.path.join(root, s["mirror"])
    hg = os.path.join(root, s["html_mirror"])
    tgz = git_show(g, s["commit"], "dragnet_Corrected.tar.gz")
    corrected = {}
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tf:
        for m in tf.getmembers():
            if m.isfile() and m.name.endswith(".html.corrected.txt"):
                corrected[m.name.split("/")[-1][:-len(".html.corrected.txt")]] = tf.extractfile(m).read()
    have_html = {p.rsplit("/", 1)[1][:-5] for p in git_ls(hg, s["html_commit"], "dragnet_data/input/") if p.endswith(".html")}
    names = sorted(set(corrected) & have_html)
    rng = random.Random(s["seed"])
    order = names[:]
    rng.shuffle(order)
    n = 0
    for name in order:
        if n >= s["sample"]:
            break
        text = decode_text(corrected[name])
        text = COMMENTS_MARK.split(text)[0]
        body = normalise_lines(text.split("\n"))
        path = f"dragnet_data/input/{name}.html"
        raw = git_show(hg, s["html_commit"], path)
        html_text = decode_html(raw)
        if not check_truth(w, s["collection"], name, body, html_text, min_chars=80):
            continue
        host = guess_host(html_text)
        pid = make_id("dragnet", name)
        src = src_block("dragnet", f"dragnet_Corrected.tar.gz:Corrected/{name}.html.corrected.txt")
        src["htmlRepo"] = s["html_repo"]
        src["htmlCommit"] = s["html_commit"]
        src["htmlPath"] = path
        truth = {
            "source": src,
            "url": None,
            "language": page_language(None, html_text, body),
            "siteType": site_type_from_host(host, default="news"),
            "articleBody": body,
            "title": None, "byline": None, "published": None, "canonical": None,
        }
        n += w.add(pid, raw, None, truth, html_text)
    return n


# ------------------------------------------------------------ cleaneval -----
CE_MARK = re.compile(r"<(p|h|l)>", re.I)


def cleaneval_body(text):
    lines = text.split("\n")
    url = None
    if lines and lines[0].startswith("URL:"):
        url = lines[0][4:].strip() or None
        lines = lines[1:]
    segs = CE_MARK.split("\n".join(lines))
    # segs = [pre, tag, seg, tag, seg...]; each marked segment is one paragraph/heading/list item
    out = []
    if segs[0].strip():
        out.append(segs[0])
    for i in range(2, len(segs), 2):
        out.append(segs[i])
    return url, normalise_lines(out)


# siteType judged by hand from the URL in the gold standard (overrides the host heuristic)
CE_TYPE = {"065": "news", "140": "forum", "282": "reference", "330": "reference", "334": "blog",
           "335": "government", "343": "news", "505": "reference", "510": "news", "693": "reference",
           "738": "blog", "771": "government", "773": "government"}


def build_cleaneval(w, root):
    s = SOURCES["cleaneval"]
    g = os.path.join(root, s["mirror"])
    c = s["commit"]
    gold = {p.rsplit("/", 1)[1][:-4] for p in git_ls(g, c, "cleaneval-final/GoldStandard/") if p.endswith(".txt")}
    inp = {p.rsplit("/", 1)[1][:-5] for p in git_ls(g, c, "cleaneval-final/input/") if p.endswith(".html")}
    names = sorted(gold & inp, key=lambda x: int(x) if x.isdigit() else x)
    order = names[:]
    random.Random(s["seed"]).shuffle(order)
    n = 0
    for name in order:
        if n >= s["sample"]:
            break
        url, body = cleaneval_body(decode_text(git_show(g, c, f"cleaneval-final/GoldStandard/{name}.txt")))
        path = f"cleaneval-final/input/{name}.html"
        raw = git_show(g, c, path)
        html_text = decode_html(raw)
        if not check_truth(w, s["collection"], name, body, html_text, min_chars=80):
            continue
        host = host_of(url) or guess_host(html_text)
        pid = make_id("cleaneval", "en", f"{int(name):03d}" if name.isdigit() else name)
        truth = {
            "source": src_block("cleaneval", f"cleaneval-final/GoldStandard/{name}.txt (+ {path})"),
            "url": url,
            "language": page_language(None, html_text, body),
            "siteType": CE_TYPE.get(f"{int(name):03d}" if name.isdigit() else name)
                        or site_type_from_host(host, url or "", default="other"),
            "articleBody": body,
            "title": None, "byline": None, "published": None, "canonical": None,
        }
        n += w.add(pid, raw, None, truth, html_text)
    return n


# ------------------------------------------------------------ newspaper4k ---
NP_SKIP = {"article_with_br", "article_with_divs"}  # synthetic concatenations used for unit tests
NP_MAX_BYTES = 400_000  # size budget: the 0.5-2.9 MB CNN/Wired/Burmese captures are left out


def build_newspaper4k(w, root):
    s = SOURCES["newspaper4k"]
    g = os.path.join(root, s["mirror"])
    c = s["commit"]
    htmls = {p.rsplit("/", 1)[1][:-5] for p in git_ls(g, c, "tests/data/html/") if p.endswith(".html")}
    txts = {p.rsplit("/", 1)[1][:-4] for p in git_ls(g, c, "tests/data/txt/") if p.endswith(".txt")}
    metas = {p.rsplit("/", 1)[1][:-5] for p in git_ls(g, c, "tests/data/metadata/") if p.endswith(".json")}
    n = 0
    for name in sorted(htmls & txts):
        if name in NP_SKIP:
            w.exclude(s["collection"], name, "synthetic unit-test page")
            continue
        raw = git_show(g, c, f"tests/data/html/{name}.html")
        if len(raw) > NP_MAX_BYTES:
            w.exclude(s["collection"], name, f"HTML too large for the size budget ({len(raw)} bytes)")
            continue
        html_text = decode_html(raw)
        body = normalise_lines(decode_text(git_show(g, c, f"tests/data/txt/{name}.txt")).split("\n"))
        if not check_truth(w, s["collection"], name, body, html_text, min_chars=80):
            continue
        meta = {}
        if name in metas:
            meta = json.loads(git_show(g, c, f"tests/data/metadata/{name}.json").decode("utf-8"))
        url = meta.get("url") or None
        authors = meta.get("authors") or []
        pdate = meta.get("publish_date") or None
        host = host_of(url) or guess_host(html_text)
        pid = make_id("newspaper4k", name)
        truth = {
            "source": src_block("newspaper4k", f"tests/data/html/{name}.html + tests/data/txt/{name}.txt"),
            "url": url,
            "language": page_language(meta.get("language"), html_text, body),
            "siteType": site_type_from_host(host, url or "", default="news"),
            "articleBody": body,
            "title": meta.get("title") or None,
            "byline": ", ".join(authors) if isinstance(authors, list) and authors else None,
            "published": pdate.replace(" ", "T", 1) if isinstance(pdate, str) else None,
            "canonical": None,
        }
        n += w.add(pid, raw, None, truth, html_text)
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror-root", default="/work/.mirror")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--only", nargs="*", help="subset of: " + " ".join(SOURCES))
    args = ap.parse_args()
    out = Path(args.out)
    for sub in ("html", "truth"):
        d = out / sub
        if d.exists():
            for f in d.iterdir():
                f.unlink()
    w = Writer(out)
    builders = [("readability", build_readability), ("fundus", build_fundus),
                ("dragnet", build_dragnet), ("cleaneval", build_cleaneval),
                ("newspaper4k", build_newspaper4k)]
    counts = {}
    for key, fn in builders:
        if args.only and key not in args.only:
            continue
        counts[key] = fn(w, args.mirror_root)
        print(f"{key}: {counts[key]} pages", file=sys.stderr)
    manifest = {"sources": {k: {kk: vv for kk, vv in SOURCES[k].items() if kk not in ("mirror", "html_mirror")}
                            for k in counts},
                "counts": counts, "excluded": w.excluded,
                "pages": sorted(w.records, key=lambda r: r["id"])}
    with open(out / "manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"total: {len(w.records)} pages, {sum(r['htmlBytes'] for r in w.records)} HTML bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
