// Starts the Rekrut binary for browser tests: a free loopback port, a fresh
// temporary SQLite database, optional `migrate` + `seed-demo`, and a /healthz
// wait. Stop it with `await server.stop()` (SIGTERM, then SIGKILL after a grace
// period) — it also removes the temporary directory.
//
//   const server = await startServer({ seed: true });
//   await page.goto(server.url('/'));
//   await server.stop();

import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const rekrutBin = process.env.REKRUT_BIN || path.join(repoRoot, 'build/dev/rekrut');

const running = new Set();
function killAll() {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
}
// Never leave a server behind, even when the test process dies early or is
// stopped with a signal (Node runs no 'exit' handlers on a fatal signal).
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killAll();
    // Keep the default behaviour (end the process) unless someone else,
    // e.g. Playwright, handles the signal too.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function run(args, env, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    execFile(rekrutBin, args, { env, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`rekrut ${args.join(' ')} failed (${error.code ?? error.signal}):\n${stdout}${stderr}`));
      } else {
        resolve(stdout + stderr);
      }
    });
  });
}

function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(baseURL, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`rekrut serve exited early (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      const res = await fetch(new URL('/healthz', baseURL), { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = e.cause?.code || e.message;
    }
    await sleep(50);
  }
  throw new Error(`rekrut serve did not become healthy within ${timeoutMs} ms (${lastError}):\n${output()}`);
}

/**
 * @param {object} [options]
 * @param {boolean} [options.seed=false]   run `migrate` and `seed-demo` before serving
 * @param {Record<string,string>} [options.env]  extra environment for every command
 * @param {number} [options.startTimeoutMs=15000]
 */
export async function startServer({ seed = false, env: extraEnv = {}, startTimeoutMs = 15_000 } = {}) {
  if (!existsSync(rekrutBin)) {
    throw new Error(`Rekrut binary not found at ${rekrutBin} (build it with \`cmake --build --preset dev\` or set REKRUT_BIN)`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'rekrut-browser-'));
  const databasePath = path.join(dir, 'rekrut.db');
  const baseEnv = {
    ...process.env,
    REKRUT_DATABASE_URL: `sqlite:${databasePath}`,
    REKRUT_SECURITY_KEY_FILE: path.join(dir, 'rekrut.key'),
    REKRUT_AUDIT_ANCHOR: path.join(dir, 'audit-anchor.log'),
    REKRUT_MAIL_LOG_LINKS: 'true', // the demo's way to read mailed links (accounts.mjs passwordLinkFor)
    REKRUT_LOG_LEVEL: 'warn',
    REKRUT_SERVER_SHUTDOWN_GRACE_SECONDS: '0', // no load balancer to wait for: stop at once
    ...extraEnv,
  };

  try {
    if (seed) {
      await run(['migrate'], baseEnv);
      await run(['seed-demo'], baseEnv);
    }

    // The port is probed and then released, so another process could grab it
    // in between; retry a few times if the server fails to come up.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const env = { ...baseEnv, REKRUT_LISTEN: `127.0.0.1:${port}` };
      const baseURL = `http://127.0.0.1:${port}`;
      const child = spawn(rekrutBin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      running.add(child);
      let log = '';
      child.stdout.on('data', (d) => { log += d; });
      child.stderr.on('data', (d) => { log += d; });
      child.once('exit', () => running.delete(child));
      try {
        await waitForHealth(baseURL, child, () => log, startTimeoutMs);
      } catch (error) {
        child.kill('SIGKILL');
        await waitForExit(child, 5000);
        if (attempt < 3 && /address|in use|bind/i.test(log)) continue;
        throw error;
      }

      let stopped = null;
      return {
        baseURL,
        databasePath,
        env,
        /** Absolute URL for a path on this server. */
        url: (p = '/') => new URL(p, baseURL).href,
        /** Everything the server printed so far. */
        output: () => log,
        /** Runs another subcommand (e.g. 'seed-demo') against the same database. */
        command: (...args) => run(args, env),
        /** Stops with SIGTERM (SIGKILL after graceTimeoutMs); resolves to { code, signal }. */
        async stop({ graceTimeoutMs = 10_000 } = {}) {
          if (!stopped) {
            stopped = (async () => {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
              let result = await waitForExit(child, graceTimeoutMs);
              if (!result) {
                child.kill('SIGKILL');
                result = { ...(await waitForExit(child, 5000)), killed: true };
              }
              await rm(dir, { recursive: true, force: true });
              return result;
            })();
          }
          return stopped;
        },
      };
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
