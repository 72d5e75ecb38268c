import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from '@capaian/shared/testing';

/** A TCP port nobody listens on right now (the OS picks it, then it is released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
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
  await eventually(async () => (await fetch(`${apiUrl}/api/email`, { signal: AbortSignal.timeout(1_000) })).ok, 30_000, 100);
  return {
    smtpPort,
    apiUrl,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
