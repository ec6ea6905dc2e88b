import type { App } from './app';
import type { Database } from './db/client';

/** Listens, and on SIGTERM/SIGINT stops taking new requests, drains in-flight ones, then closes the database. */
export async function serve(app: App, database: Database, opts: { host: string; port: number }) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    const timer = setTimeout(() => {
      app.log.error('drain timed out after 15 s; exiting');
      process.exit(1);
    }, 15_000);
    timer.unref();
    // Connections busy at close() stay open for keep-alive once answered and would hold the
    // server for the keep-alive timeout: close each as soon as it falls idle.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    sweep.unref();
    try {
      await app.close();
      await database.close();
    } finally {
      clearTimeout(timer);
      clearInterval(sweep);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: opts.host, port: opts.port });
}
