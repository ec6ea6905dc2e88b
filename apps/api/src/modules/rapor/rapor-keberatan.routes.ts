import {
  decideKeberatanBodySchema,
  fileKeberatanBodySchema,
  keberatanListSchema,
  keberatanParamsSchema,
  keberatanSchema,
  tahunParamsSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { KeberatanService } from './rapor-keberatan.service';

const tags = ['rapor'];

export const keberatanRoutes: FastifyPluginAsyncZod<{ keberatanService: KeberatanService }> = async (
  app,
  { keberatanService },
) => {
  app.get(
    '/api/rapor/:tahun/keberatan',
    {
      schema: {
        tags,
        summary: 'Keberatan atas rapor: semua untuk admin, milik unitnya untuk lurah dan camat',
        params: tahunParamsSchema,
        response: { 200: keberatanListSchema, ...errorResponses },
      },
    },
    async (req) => keberatanService.list(actorOf(req), req.params.tahun),
  );

  app.post(
    '/api/rapor/:tahun/keberatan',
    {
      schema: {
        tags,
        summary: 'Ajukan keberatan atas rapor unit sendiri (dalam masa keberatan)',
        params: tahunParamsSchema,
        body: fileKeberatanBodySchema,
        response: { 201: keberatanSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const k = await keberatanService.file(actorOf(req), req.params.tahun, req.body, req.ip);
      return reply.code(201).send(k);
    },
  );

  app.post(
    '/api/rapor/:tahun/keberatan/:id/keputusan',
    {
      schema: {
        tags,
        summary: 'Putuskan keberatan (diterima atau ditolak) dengan alasan',
        params: keberatanParamsSchema,
        body: decideKeberatanBodySchema,
        response: { 200: keberatanSchema, ...errorResponses },
      },
    },
    async (req) => keberatanService.decide(actorOf(req), req.params.tahun, req.params.id, req.body, req.ip),
  );
};
