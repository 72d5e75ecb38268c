/**
 * Node-only helpers for fault tests that run a BUILT service (`dist/apps/<svc>/apps/<svc>/src/main.js`)
 * in a child process, so that "the process did not exit" and "the process was killed" are real, with
 * its PostgreSQL connections going through a TCP proxy the test can break.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { eventually } from './eventually';

/** Forwards TCP to a server (PostgreSQL by default); can refuse connections (not listening) or accept and drop them. */
export class FlakyProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  mode: 'pass' | 'drop' = 'pass';
  /** Chosen at the first listen and kept, so the service behind it reconnects to the same address. */
  port = 0;

  constructor(
    private readonly upstreamPort = 5432,
    private readonly upstreamHost = '127.0.0.1',
  ) {}

  async listen(): Promise<void> {
    const server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => undefined);
      if (this.mode === 'drop') return void client.destroy();
      const upstream = connect(this.upstreamPort, this.upstreamHost);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(this.port, '127.0.0.1', () => ok());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Cuts every open connection and stops listening: new connections are refused. */
  async refuse(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  }

  async close(): Promise<void> {
    await this.refuse();
  }
}

/** A free TCP port on 127.0.0.1 (free when asked; the caller binds it soon after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

export interface ServiceProcess {
  /** For messages: `personnel`, `notification`… */
  name: string;
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Everything the process wrote on stdout and stderr. */
  output: string[];
  exited: Promise<number | null>;
}

export interface StartServiceOptions {
  name: string;
  /** Path of the built entry point (main.js). */
  main: string;
  /** Working directory (the repository root, where the services find their files). */
  cwd: string;
  /** Added to the test's own environment; PORT and NODE_ENV=test are set here. */
  env: Record<string, string>;
  /** How long /health/ready may take to answer 200 (default 60 s: a loaded machine). */
  readyTimeoutMs?: number;
}

/** Starts the built service on a free port and waits until /health/ready answers 200. */
export async function startService(options: StartServiceOptions): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [options.main], {
    cwd: options.cwd,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`${url}/health/ready`)).ok, options.readyTimeoutMs ?? 60_000, 200).catch((e) => {
    child.kill('SIGKILL');
    throw new Error(`${options.name} did not start: ${(e as Error).message}\n${output.join('').slice(-3000)}`);
  });
  return { name: options.name, child, url, output, exited };
}

/** SIGKILL (nothing of the service's shutdown runs), then waits for the exit. */
export async function kill(service: ServiceProcess): Promise<void> {
  if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
  await service.exited;
}

/** Whether the process still runs; when it does not, its log goes to stderr (the reason it died is there). */
export function alive(service: ServiceProcess): boolean {
  const up = service.child.exitCode === null && service.child.signalCode === null;
  if (!up) process.stderr.write(`${service.name} exited (${service.child.exitCode ?? service.child.signalCode}):\n${service.output.join('').slice(-5000)}\n`);
  return up;
}
