// Readability.js with jsdom over the page corpus: CPU per page (parse + extract), and the article text of each page
// for the same scorer the Java side uses. Usage: node measure.mjs <corpus/pages> <out.json> [passes]
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const [root, out, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 2);
const ids = readdirSync(join(root, "truth")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
const quiet = new VirtualConsole();

function extract(html) {
  const dom = new JSDOM(html, { url: "https://example.org/", virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article?.textContent ?? "";
}

const pages = ids.map((id) => ({ id, html: new TextDecoder("utf-8").decode(gunzipSync(readFileSync(join(root, "html", id + ".html.gz")))) }));
const results = {};
for (let pass = 0; pass < passes; pass++) {
  // The first pass warms the JIT; the last one is measured.
  for (const page of pages) {
    const before = process.cpuUsage();
    let text = "";
    try {
      text = extract(page.html);
    } catch (e) {
      text = "";
    }
    const used = process.cpuUsage(before);
    results[page.id] = { cpuMs: (used.user + used.system) / 1000, text };
  }
}
const times = Object.values(results).map((r) => r.cpuMs).sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
writeFileSync(out, JSON.stringify({ pages: results, medianMs: at(0.5), p99Ms: at(0.99) }));
console.log(`Readability.js ${pages.length} pages: CPU per page median ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`);
