// A real SMTP server for the browser tests: aiosmtpd on a free loopback port, discarding what it
// receives (the server records each mail as sent once the SMTP server has accepted it).

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { freePort } from './server.mjs';

/** aiosmtpd on a free loopback port, discarding what it receives. */
export async function startSmtpSink() {
  const port = await freePort();
  const child = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Sink'],
    { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((resolve) => {
      const socket = createServer().listen(port, '127.0.0.1');
      socket.once('error', () => resolve(true));
      socket.once('listening', () => socket.close(() => resolve(false)));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `smtp://127.0.0.1:${port}`, stop: () => child.kill() };
}
