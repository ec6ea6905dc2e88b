import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client';
import { AppError } from '../lib/errors';

export interface MetricsOptions {
  database: Pick<Database, 'driver' | 'poolStats'>;
  /** Bearer token of the scraper; without one only this machine (loopback) may read. */
  token: string | undefined;
  /** Background jobs: their number per name and state (all instances), and failed runs here. */
  jobs?: {
    counts(): Promise<{ name: string; state: string; n: number }[]>;
    onFailure(listener: (name: string) => void): void;
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function allowed(req: FastifyRequest, token: string | undefined): boolean {
  if (!token) return LOOPBACK.has(req.socket.remoteAddress ?? '');
  const sent = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/**
 * `/metrics` in the Prometheus text format (DESIGN.md, Operations): request duration per route,
 * the PostgreSQL pool, background jobs (queue depth, failures) and the process (memory, event
 * loop, GC). One registry per app, so several
 * apps in one process (tests) never share or double-count series.
 */
export const metricsPlugin = fp(async (app: FastifyInstance, opts: MetricsOptions) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to response, per route (the route pattern, never the raw URL)',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const { database } = opts;
  if (database.poolStats) {
    const stats = database.poolStats.bind(database);
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting requests)',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const s = stats();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }

  const { jobs } = opts;
  if (jobs) {
    // Queue depth and failures of the whole installation (jobs.job is shared), read at each scrape.
    const states = ['created', 'retry', 'active', 'failed'] as const;
    new Gauge({
      name: 'jobs',
      help: 'Background jobs by name and state (created and retry = waiting; failed = failed for good, kept a week)',
      labelNames: ['name', 'state'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const c of await jobs.counts()) {
          if ((states as readonly string[]).includes(c.state))
            this.set({ name: c.name, state: c.state }, c.n);
        }
      },
    });
    const failures = new Counter({
      name: 'job_run_failures_total',
      help: 'Job runs that failed or went silent, counted by the instance that saw it',
      labelNames: ['name'] as const,
      registers: [registry],
    });
    jobs.onFailure((name) => failures.inc({ name }));
  }

  app.addHook('onResponse', async (req, reply) => {
    // Unrouted requests (404s, the web app's files) share one label: no series per scanned URL.
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: req.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/metrics',
    { config: { public: true, rateLimit: false }, schema: { hide: true } },
    async (req, reply) => {
      if (!allowed(req, opts.token)) {
        throw new AppError(
          'FORBIDDEN',
          'Metrik hanya untuk pemantau: kirim METRICS_TOKEN sebagai Bearer, atau baca dari mesin ini.',
        );
      }
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
});
