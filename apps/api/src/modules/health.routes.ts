import { healthSchema } from '@sip/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client';

const liveSchema = z.object({ status: z.literal('ok') });

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; demo: boolean }> = async (
  app,
  { database, demo },
) => {
  // Liveness: the process answers (a restart helps only when this fails). No database.
  app.get(
    '/api/health/live',
    {
      config: { public: true, rateLimit: false },
      schema: {
        tags: ['sistem'],
        summary: 'Proses hidup (liveness): tanpa memeriksa basis data',
        response: { 200: liveSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  // Readiness: send traffic here only while the database answers (503 otherwise, and while closing).
  for (const url of ['/api/health', '/api/health/ready']) {
    app.get(
      url,
      {
        config: { public: true, rateLimit: false },
        schema: {
          tags: ['sistem'],
          summary:
            'Siap melayani (readiness): keadaan layanan dan basis data; 503 bila basis data tidak terjangkau',
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      ready,
    );
  }

  async function ready(_req: FastifyRequest, reply: FastifyReply) {
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
  }
};
