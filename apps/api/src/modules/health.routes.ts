import { healthSchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/client';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; demo: boolean }> = async (
  app,
  { database, demo },
) => {
  app.get(
    '/api/health',
    {
      config: { public: true, rateLimit: false },
      schema: {
        tags: ['sistem'],
        summary: 'Keadaan layanan dan basis data',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_req, reply) => {
      const started = performance.now();
      const ok = await Promise.race([
        database.ping().catch(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
      ]);
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      reply.status(ok ? 200 : 503);
      return {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { driver: database.driver, ok, latencyMs },
        version: '0.1.0',
        demo,
      };
    },
  );
};
