import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from '@capaian/shared/testing';

/**
 * A TCP port nobody listens on right now, drawn at random below the OS's ephemeral range. The test
 * keeps it free for minutes (the mail server is "down") before listening on it: a port the OS hands
 * out (port 0) was handed to an overlapping run of the same test too, whose service then mailed this
 * run's server.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = randomInt(20_000, 32_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

export interface OwnMaildev {
  smtpPort: number;
  apiUrl: string;
  stop(): Promise<void>;
}

/**
 * A second, private maildev (the real SMTP sink, as a child process of the test) on the given
 * ports, so a test can have "the mail server" down and then up without touching the shared one.
 */
export async function startOwnMaildev(smtpPort: number, webPort: number): Promise<OwnMaildev> {
  const bin = join(__dirname, '../../../node_modules/maildev/dist/bin/maildev.js');
  const child: ChildProcess = spawn(process.execPath, [bin, '--smtp', String(smtpPort), '--ip', '127.0.0.1', '--web', String(webPort), '--web-ip', '127.0.0.1', '--silent'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const apiUrl = `http://127.0.0.1:${webPort}`;
  // Minutes, not seconds, on a machine shared by many builds; a server that died (a port taken) is named in the error.
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`maildev exited with code ${child.exitCode} (port ${smtpPort} or ${webPort} taken?)`);
    return (await fetch(`${apiUrl}/api/email`, { signal: AbortSignal.timeout(5_000) })).ok;
  }, 180_000, 200);
  return {
    smtpPort,
    apiUrl,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
