// End-to-end tests of Accord's web UI in headless Chromium (playwright-core).
//
// Environment:
//   ACCORD_URL   base URL of a running `accord serve` with the seeds ingested (required)
//   ARTIFACTS    folder for screenshots (default: a temp folder)
//   CHROMIUM     browser binary (default /usr/bin/chromium)
//
// Prints one line per check and a closing "N passed, N failed" line; exits 1
// on any failure. Run by `ACCORD_E2E=1 go test ./http -run TestE2E`.
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const base = (process.env.ACCORD_URL || "").replace(/\/$/, "");
if (!base) {
  console.error("ACCORD_URL is required");
  process.exit(2);
}
const artifacts = process.env.ARTIFACTS || fs.mkdtempSync(path.join(os.tmpdir(), "accord-e2e-"));
fs.mkdirSync(artifacts, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "accord-chromium-"));

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log("ok   " + name); } else { failed++; console.log("FAIL " + name + (detail ? ": " + detail : "")); }
}

// A fresh profile (--user-data-dir) per run, which playwright passes itself.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = context.pages()[0] || await context.newPage();
const dialogs = [], cspViolations = [], pageErrors = [];
page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
page.on("pageerror", (e) => pageErrors.push(String(e)));
page.on("console", (m) => {
  if (/Content Security Policy/i.test(m.text())) { cspViolations.push(page.url() + " " + JSON.stringify(m.location()) + ": " + m.text().slice(0, 120)); }
});
const shot = async (name) => {
  const file = path.join(artifacts, name + ".png");
  await page.screenshot({ path: file, fullPage: true });
  console.log("     screenshot " + file);
};
async function api(p) {
  const r = await page.request.get(base + p);
  return r.json();
}

try {
  // 1. Story list.
  await page.goto(base + "/");
  check("story list loads", (await page.title()).includes("Stories"));
  await shot("01-stories");
  const storyLinks = await page.locator("a.story-link").count();
  const stories = await api("/api/stories");
  check("story list shows every story", storyLinks === stories.stories.length, `${storyLinks} links, ${stories.stories.length} stories`);

  // 2. Story page (the largest story, or the whole report before stories exist).
  let storyURL = "/report", storyAPI = "/api/report";
  if (stories.stories.length > 0) {
    storyURL = "/stories/" + encodeURIComponent(stories.stories[0].id);
    storyAPI = "/api/stories/" + encodeURIComponent(stories.stories[0].id);
  }
  const rep = await api(storyAPI);
  await page.goto(base + storyURL);
  const briefItems = await page.locator("#brief ol.brief > li").count();
  check("brief shows the report's sentences", briefItems === rep.brief.sentences.length && briefItems > 0, `${briefItems} vs ${rep.brief.sentences.length}`);
  if (briefItems > 0) {
    const first = page.locator("#brief button.cite").first();
    await first.click();
    const pop = page.locator("#brief .pop:not([hidden])").first();
    const popText = (await pop.count()) ? await pop.innerText() : "";
    check("a citation shows its source sentence", popText.length > 10, popText.slice(0, 80));
    await shot("02-story-citation");
  }
  if (rep.timeline.length > 0) {
    await page.waitForSelector("#timeline-chart[data-ready='1']", { timeout: 10000 }).catch(() => {});
    check("timeline chart drawn", (await page.locator("#timeline-chart[data-ready='1']").count()) === 1);
    check("timeline rows", (await page.locator("table.timeline tbody tr").count()) === rep.timeline.length);
  } else {
    check("timeline says empty", (await page.locator("#timeline .muted").count()) === 1);
  }
  const variants = await page.locator("#quotes .variant a.vdoc").count();
  const wantVariants = rep.quotes.reduce((n, q) => n + q.variants.length, 0); // small story: no "and N more"
  check("quotes view shows every variant", variants === wantVariants && (wantVariants === 0 || (await page.locator("#quotes .quote").count()) === rep.quotes.length), `${variants} vs ${wantVariants}`);
  const conflicts = await page.locator("#conflicts .conflict").count();
  check("conflicts panel shows every conflict with its sides", conflicts === rep.conflicts.length &&
    (conflicts === 0 || (await page.locator("#conflicts .conflict").first().locator(".side").count()) >= 2), `${conflicts} vs ${rep.conflicts.length}`);
  await page.waitForSelector("#graph[data-ready='1']", { timeout: 10000 }).catch(() => {});
  check("source graph drawn", (await page.locator("#graph[data-ready='1'] canvas").count()) > 0);
  await shot("03-story");
  for (const sec of ["brief", "timeline", "conflicts", "quotes", "entities", "sources"]) {
    const file = path.join(artifacts, "04-story-" + sec + ".png");
    await page.locator("#" + sec).screenshot({ path: file }).catch((e) => console.log("     no screenshot of " + sec + ": " + e));
  }

  // 3. Document page.
  const docID = rep.documents.length ? rep.documents[0].id : null;
  if (docID) {
    await page.goto(base + "/documents/" + encodeURIComponent(docID));
    const text = await page.locator("#doctext").innerText();
    check("document page shows the cleaned text", text.replace(/\s+/g, " ").trim() === rep.documents[0].text.replace(/\s+/g, " ").trim());
    const detail = await api("/api/documents/" + encodeURIComponent(docID));
    const marked = await page.locator("#doctext span.timex").count();
    check("time expressions highlighted", detail.temporal_expressions.length === 0 || marked > 0, `${marked} spans`);
    check("removed boilerplate shown apart", (await page.locator("#removed").count()) === 1);
    await shot("05-document");
  }

  // 4. Upload through the page.
  const before = (await api("/api/status")).documents;
  const upFile = path.join(artifacts, "e2e-upload.txt");
  fs.writeFileSync(upFile, "Harbour authority opens new terminal\n\nThe harbour authority opened a new container terminal on Tuesday, officials said. " +
    "\"This doubles our capacity,\" the director told reporters.\n");
  await page.goto(base + "/upload");
  await page.setInputFiles("#files", upFile);
  await page.click("#upload-button");
  await page.waitForSelector("body[data-upload-done='1']", { timeout: 120000 }).catch(() => {});
  const status = await page.locator("#upload-status").innerText();
  check("upload through the page ingests the file", /1 new/.test(status), status);
  check("upload progress reached 100%", (await page.locator("#upload-progress").evaluate((el) => el.value)) === 100);
  const after = (await api("/api/status")).documents;
  check("the store grew by one", after === before + 1, `${before} -> ${after}`);
  await shot("06-upload");

  // 5. Script payloads never run.
  const payload = "Payload <script>window.__xss=1;alert('xss')</script> article\n\n" +
    "The council met <img src=x onerror=\"window.__xss=2;alert('xss2')\"> on Wednesday in Vienna. " +
    "\"We <svg onload=window.__xss=3>agree</svg>,\" the chair said. <a href=\"javascript:window.__xss=4\">link</a>\n";
  const xssFile = path.join(artifacts, "xss-payload.txt");
  fs.writeFileSync(xssFile, payload);
  const htmlFile = path.join(artifacts, "xss-page.html");
  fs.writeFileSync(htmlFile, "<html><head><title>Page <script>window.__xss=5</script></title></head><body><article><h1>Vienna talks</h1>" +
    "<p>The council met on Wednesday in Vienna, officials said. &lt;img src=x onerror=window.__xss=6&gt; The chair spoke.</p>" +
    "<p>Delegates from many countries attended the session and spoke about the next steps.</p></article></body></html>");
  await page.goto(base + "/upload");
  await page.setInputFiles("#files", [xssFile, htmlFile]);
  await page.fill("#paste", "Pasted <script>window.__xss=7</script> title\n\n<img src=x onerror=window.__xss=8> body text about the meeting.");
  await page.click("#upload-button");
  await page.waitForSelector("body[data-upload-done='1']", { timeout: 120000 }).catch(() => {});
  const xssStatus = await page.locator("#upload-status").innerText();
  check("payload articles ingested", /new/.test(xssStatus), xssStatus);
  const visits = ["/", "/report", "/documents/xss-payload", "/documents/xss-page", "/?q=council"];
  const storiesNow = await api("/api/stories");
  for (const s of storiesNow.stories) { visits.push("/stories/" + encodeURIComponent(s.id)); }
  const docsNow = await api("/api/documents");
  for (const d of docsNow.documents) { if (d.source.startsWith("upload:")) { visits.push("/documents/" + encodeURIComponent(d.id)); } }
  for (const v of visits) {
    await page.goto(base + v);
    await page.waitForTimeout(150);
    const flag = await page.evaluate(() => window.__xss);
    check("no payload ran on " + v, flag === undefined, "window.__xss = " + flag);
  }
  await page.goto(base + "/documents/xss-payload");
  check("the payload is shown as text", (await page.locator("#doctext").innerText()).includes("onerror="));
  await shot("07-xss-document");
  check("no dialog fired", dialogs.length === 0, dialogs.join(" | "));
  check("no script errors", pageErrors.length === 0, pageErrors.join(" | "));
  check("no CSP violations by the app itself", cspViolations.length === 0, cspViolations.slice(0, 3).join(" | "));
} catch (e) {
  check("suite ran to the end", false, String(e && e.stack || e));
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
console.log("screenshots in " + artifacts);
process.exit(failed ? 1 : 0);
