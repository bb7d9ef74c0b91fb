// Browser helpers for the test suite: Debian's Chromium driven by
// playwright-core (no browser is ever downloaded), axe-core checks and
// screenshots under tests/artifacts/screenshots/.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { repoRoot } from './server.mjs';

export const chromiumPath = process.env.REKRUT_CHROMIUM || '/usr/bin/chromium';
export const screenshotDir = path.join(repoRoot, 'tests/artifacts/screenshots');
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

/**
 * Launches one headless Chromium. Playwright refuses a --user-data-dir
 * argument for launch(); instead it creates a fresh profile directory itself
 * (mkdtemp `playwright_chromiumdev_profile-*`) for every launch and removes
 * it on close, so no state is shared between runs. Each test then gets its
 * own incognito-like context from newContext().
 */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    timeout: 30_000,
  });
}

/**
 * A new context + page that records console errors/warnings, uncaught page
 * errors, failed requests, HTTP error responses and CSP violations.
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'da-DK', ...contextOptions });
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
  const page = await context.newPage();
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
  page.on('requestfailed', (req) => {
    record.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`);
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
    ...problems.failedRequests.map((r) => `request failed: ${r}`),
    ...errorResponses.map((r) => `HTTP ${r.status}: ${r.url}`),
  ];
  assert.deepEqual(report, [], `problems while loading ${documentUrl}:\n  ${report.join('\n  ')}`);
  const cspInConsole = problems.console.filter((m) => /Content Security Policy/i.test(m.text));
  assert.deepEqual(cspInConsole, [], 'CSP violations reported in the console');
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
