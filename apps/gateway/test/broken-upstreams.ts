import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';

export interface BrokenUpstream {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Accepts connections and reads requests but never answers: the gateway must time out. */
export async function startHangingUpstream(): Promise<BrokenUpstream> {
  const server = createHttpServer(() => undefined);
  const url = await listen(server);
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Accepts a connection and drops it at once: an answer that is not HTTP at all. */
export async function startResettingUpstream(): Promise<BrokenUpstream> {
  const server = createTcpServer((socket) => socket.destroy());
  const url = await listen(server);
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on (taken from the OS, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createTcpServer();
  const url = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return url;
}
