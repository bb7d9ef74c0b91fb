// Browser helpers for the test suite: Debian's Chromium driven by
// playwright-core (no browser is ever downloaded), axe-core checks and
// screenshots under tests/artifacts/screenshots/.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { repoRoot } from './server.mjs';

export const chromiumPath = process.env.REKRUT_CHROMIUM || '/usr/bin/chromium';
export const artifactsDir = path.join(repoRoot, 'tests/artifacts');
export const screenshotDir = path.join(artifactsDir, 'screenshots');
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function startChromium() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'rekrut-chromium-'));
  try {
    const persistent = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      // Chromium's own log (crash reasons) goes into the profile; close()
      // can keep it as a test artifact.
      args: [...chromiumArgs, '--enable-logging', `--log-file=${path.join(userDataDir, 'chromium.log')}`],
      timeout: 30_000,
    });
    return { persistent, browser: persistent.browser(), userDataDir };
  } catch (error) {
    killProfileProcesses(userDataDir);
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

async function stopChromium({ persistent, userDataDir }, keepLogAs) {
  const closed = await Promise.race([
    persistent.close().then(() => true, () => false),
    new Promise((r) => setTimeout(() => r(false), 15_000).unref()),
  ]);
  if (!closed) killProfileProcesses(userDataDir);
  if (keepLogAs) {
    try {
      await saveArtifact(keepLogAs, await readFile(path.join(userDataDir, 'chromium.log'), 'utf8'));
    } catch { /* no log written */ }
  }
  await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/**
 * Launches one headless Chromium (Debian's, never a downloaded one) with a
 * fresh profile in a mkdtemp directory of our own. Returns a handle:
 *   { browser, userDataDir, relaunch(reason), close({ keepLogAs }) }
 * `browser` is a normal Playwright Browser; use openPage(handle) so each test
 * gets its own context. (Playwright refuses --user-data-dir in `args`, so the
 * profile is given through launchPersistentContext; its default context
 * stays unused.) If Chromium breaks (a renderer crash can leave it unable to
 * open pages), openPage() relaunches it once and says so on stderr.
 */
export async function launchBrowser() {
  let current = await startChromium();
  let closing = null;
  const handle = {
    get browser() { return current.browser; },
    get userDataDir() { return current.userDataDir; },
    broken: false,
    relaunches: 0,
    async relaunch(reason) {
      process.stderr.write(`browser.mjs: restarting Chromium (${reason}); its log is in tests/artifacts/logs/\n`);
      const old = current;
      handle.relaunches += 1;
      await stopChromium(old, `logs/chromium-broken-${new Date().toISOString().replace(/[:.]/g, "-")}.log`);
      current = await startChromium();
      handle.broken = false;
    },
    /** Closes the browser (killing it if it does not close in time) and removes the profile. */
    close({ keepLogAs } = {}) {
      closing ??= stopChromium(current, keepLogAs).finally(() => launched.delete(handle));
      return closing;
    },
  };
  launched.add(handle);
  return handle;
}

const launched = new Set();
// If the test process ends without close() (a crash, a timeout), do not
// leave Chromium running: kill the processes that use our profile directory.
process.on('exit', () => {
  for (const handle of launched) killProfileProcesses(handle.userDataDir);
});

/** SIGKILLs the Chromium processes started with this (our own) profile dir. */
function killProfileProcesses(userDataDir) {
  const marker = `--user-data-dir=${userDataDir}`;
  let pids = [];
  try { pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)); } catch { return; }
  for (const pid of pids) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.includes(marker)) process.kill(Number(pid), 'SIGKILL');
    } catch { /* gone or not ours to read */ }
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

async function newContextAndPage(browser, contextOptions) {
  const context = await withTimeout(browser.newContext({ locale: 'da-DK', ...contextOptions }), 15_000, 'browser.newContext');
  try {
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(15_000);
    if (contextOptions.javaScriptEnabled !== false) {
      // Runs outside the page's CSP (injected through the DevTools protocol).
      await context.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
        });
      });
    }
    const page = await withTimeout(context.newPage(), 15_000, 'context.newPage');
    return { context, page };
  } catch (error) {
    context.close().catch(() => {});
    throw error;
  }
}

/**
 * A new context + page (pass the launchBrowser() handle, or a plain Browser)
 * that records console errors/warnings, uncaught page errors, renderer
 * crashes, failed requests, HTTP error responses and CSP violations.
 */
export async function openPage(browserOrHandle, contextOptions = {}) {
  const handle = browserOrHandle.relaunch ? browserOrHandle : null;
  if (handle?.broken) await handle.relaunch('a page crashed earlier');
  let opened;
  try {
    opened = await newContextAndPage(browserOrHandle.browser ?? browserOrHandle, contextOptions);
  } catch (error) {
    if (!handle || handle.relaunches >= 2) throw error;
    await handle.relaunch(`could not open a page: ${error.message.split('\n')[0]}`);
    opened = await newContextAndPage(handle.browser, contextOptions);
  }
  const { context, page } = opened;
  if (handle) page.on('crash', () => { handle.broken = true; });
  const problems = watch(page);
  return { context, page, problems };
}

/** Starts recording problems on a page; returns a live record. */
export function watch(page) {
  const record = { console: [], pageErrors: [], failedRequests: [], errorResponses: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') {
      const loc = msg.location();
      record.console.push({ type: msg.type(), text: msg.text(), url: loc?.url ?? '' });
    }
  });
  page.on('pageerror', (err) => record.pageErrors.push(String(err)));
  page.on('crash', () => record.pageErrors.push('the page (renderer process) crashed'));
  page.on('requestfailed', (req) => {
    record.failedRequests.push({ method: req.method(), url: req.url(), error: req.failure()?.errorText });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) record.errorResponses.push({ status: res.status(), url: res.url(), navigation: res.request().isNavigationRequest() });
  });
  record.clear = () => {
    record.console.length = 0;
    record.pageErrors.length = 0;
    record.failedRequests.length = 0;
    record.errorResponses.length = 0;
  };
  return record;
}

/** CSP violations seen by the page's `securitypolicyviolation` listener. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/**
 * Fails if the page logged console errors/warnings, threw, had failed
 * requests, error responses (other than `allowStatus` for the document
 * itself) or CSP violations.
 */
export async function assertCleanLoad(page, problems, { allowDocumentStatus = [] } = {}) {
  const documentUrl = page.url();
  // Chromium asks for /favicon.ico on its own (the pages link no icon) and
  // logs the server's 404 for it as a console error. That request is the
  // browser's, not the page's, so it is not counted here.
  const isFavicon = (url) => { try { return new URL(url).pathname === '/favicon.ico'; } catch { return false; } };
  // The icon the pages link is also fetched by the browser after the page has loaded; a click that
  // navigates on cancels that fetch (net::ERR_ABORTED), which is no fault of the page.
  const isIcon = (url) => { try { return new URL(url).pathname === '/static/app/favicon.svg'; } catch { return false; } };
  const failedRequests = problems.failedRequests.filter((r) => !(isIcon(r.url) && r.error === 'net::ERR_ABORTED'));
  const errorResponses = problems.errorResponses.filter(
    (r) => !(r.navigation && allowDocumentStatus.includes(r.status)) && !isFavicon(r.url),
  );
  // Chromium logs "Failed to load resource: ... 404" for an error document too.
  const statusOf = (text) => Number(text.match(/^Failed to load resource: the server responded with a status of (\d+)/)?.[1]);
  const consoleMessages = problems.console.filter(
    (m) => !(m.url === documentUrl && allowDocumentStatus.includes(statusOf(m.text)))
      && !(isFavicon(m.url) && statusOf(m.text) === 404),
  );
  const csp = await cspViolations(page);
  const report = [
    ...consoleMessages.map((m) => `console ${m.type}: ${m.text}${m.url ? ` (${m.url})` : ''}`),
    ...csp.map((v) => `CSP violation: ${v}`),
    ...problems.pageErrors.map((e) => `page error: ${e}`),
    ...failedRequests.map((r) => `request failed: ${r.method} ${r.url}: ${r.error}`),
    ...errorResponses.map((r) => `HTTP ${r.status}: ${r.url}`),
  ];
  assert.deepEqual(report, [], `problems while loading ${documentUrl}:\n  ${report.join('\n  ')}`);
  const cspInConsole = problems.console.filter((m) => /Content Security Policy/i.test(m.text));
  assert.deepEqual(cspInConsole, [], 'CSP violations reported in the console');
}

/** Writes text to tests/artifacts/<relativePath> (e.g. logs for a failed run). */
export async function saveArtifact(relativePath, text) {
  const file = path.join(artifactsDir, relativePath);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

function safeName(name) {
  return name.replace(/[^a-zA-Z0-9._-]+/g, '-');
}

/** Saves a full-page screenshot as tests/artifacts/screenshots/<name>.png. */
export async function screenshot(page, name) {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${safeName(name)}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/**
 * Saves a screenshot, then runs axe with the WCAG 2.0/2.1 A and AA rules and
 * fails listing every violation (rule id, help text and target nodes).
 */
export async function checkAccessibility(page, name) {
  await screenshot(page, name);
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const violations = results.violations;
  if (violations.length > 0) {
    const lines = violations.map((v) => {
      const nodes = v.nodes.map((n) => `      ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`);
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    });
    assert.fail(`${violations.length} accessibility violation(s) on "${name}" (${page.url()}):\n${lines.join('\n')}`);
  }
  return results;
}
