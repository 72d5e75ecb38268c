import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A Kafka broker of a test's own, started with infra/infra.sh on free ports and a data directory
 * under the system's temp folder, for tests that stop, kill or restart a broker: the shared broker
 * on 9092 is in use by everyone on the machine and must never be touched by a test.
 */
export interface PrivateKafka {
  brokers: string[];
  /** infra.sh's runtime folder of this broker (pid, log, data). */
  runDir: string;
  /** Starts it (again) and waits until it is ready and the topics exist; keeps its data. */
  up(): Promise<void>;
  /** Stops it gracefully (SIGTERM, as `infra.sh down kafka`). */
  down(): Promise<void>;
  /** Kills it with SIGKILL, without a chance to flush or close anything. */
  kill(): Promise<void>;
  /** Stops it and deletes its folder. */
  destroy(): Promise<void>;
}

/** The repository: the first folder up from here with infra/infra.sh (sources run from src, benches from a build under dist). */
function repositoryRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'infra', 'infra.sh'))) return dir;
  }
  throw new Error(`infra/infra.sh not found above ${__dirname}`);
}

const root = repositoryRoot();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPrivateKafka(name: string): Promise<PrivateKafka> {
  const runDir = mkdtempSync(path.join(tmpdir(), `capaian-kafka-${name}-`));
  const port = await freePort();
  // Each probe's port is released before the next probe: the kernel may hand out the same one again.
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    INFRA_RUN_DIR: runDir,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_HEAP: '-Xms128m -Xmx384m',
    // A busy 2-core machine can take minutes to start a JVM.
    KAFKA_READY_TIMEOUT: '300',
    // Never record this broker in the caller's started-by file (npm test would stop the shared one).
    INFRA_STARTED_FILE: '',
    INFRA_KEEP_CLAIMS: '',
  };
  // Asynchronous: the test's writers and consumers keep running while the broker stops or starts.
  const infra = async (...args: string[]) => {
    try {
      await run('bash', [path.join(root, 'infra/infra.sh'), ...args], { cwd: root, env, timeout: 400_000 });
    } catch (e) {
      const { stderr } = e as { stderr?: string };
      throw new Error(`infra.sh ${args.join(' ')} failed: ${stderr ?? (e as Error).message}`);
    }
  };
  const pidFile = path.join(runDir, 'kafka', 'pid');
  const kafka: PrivateKafka = {
    brokers: [`127.0.0.1:${port}`],
    runDir,
    up: () => infra('up', 'kafka'),
    down: () => infra('down', 'kafka'),
    kill: async () => {
      if (!existsSync(pidFile)) return;
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      try {
        process.kill(-pid, 'SIGKILL'); // its process group: infra.sh starts it in a session of its own
      } catch {
        /* already gone */
      }
      // Wait until the port is free, so that the next up can bind it.
      await run('bash', ['-c', `for i in $(seq 100); do kill -0 ${pid} 2>/dev/null || exit 0; sleep 0.1; done; exit 1`]);
    },
    destroy: async () => {
      try {
        await infra('down', 'kafka');
      } finally {
        rmSync(runDir, { recursive: true, force: true });
      }
    },
  };
  try {
    await kafka.up();
  } catch (e) {
    await kafka.destroy().catch(() => undefined);
    throw e;
  }
  return kafka;
}
