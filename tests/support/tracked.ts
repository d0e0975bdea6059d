import { afterEach } from 'vitest';
import { Client } from './fokus-client.ts';
import type { RunningServer } from './test-server.ts';
import { startServer } from './test-server.ts';

/**
 * Servers and clients a test file starts through these, closed after each test whatever it asserted.
 * Call once at the top of a test file (it registers the afterEach).
 */
export function trackedServers() {
  const servers: RunningServer[] = [];
  const clients: Client[] = [];
  const stopAll = async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.stop().catch(() => undefined);
  };
  afterEach(stopAll);
  return {
    /** Closes every client and stops every server now (a test that restarts on the same data folder). */
    stopAll,
    async start(dataDir?: string, options: Parameters<typeof startServer>[1] = {}): Promise<RunningServer> {
      const server = await startServer(dataDir, options);
      servers.push(server);
      return server;
    },
    async connect(url: string, auth: Parameters<typeof Client.connect>[1]): Promise<Client> {
      const c = await Client.connect(url, auth);
      clients.push(c);
      return c;
    },
  };
}
