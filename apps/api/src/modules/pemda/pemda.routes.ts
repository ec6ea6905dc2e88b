import {
  bantuanBodySchema,
  bantuanQuerySchema,
  bantuanSchema,
  pemdaZonaBodySchema,
  pemdaZonaSchema,
  wilayahKodeSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { PemdaService } from './pemda.service';

export const pemdaRoutes: FastifyPluginAsyncZod<{ pemdaService: PemdaService }> = async (
  app,
  { pemdaService },
) => {
  app.get(
    '/api/public/bantuan',
    {
      config: { public: true },
      schema: {
        tags: ['pemda'],
        summary: 'Kontak layanan bantuan (helpdesk) pemda (publik)',
        querystring: bantuanQuerySchema,
        response: { 200: bantuanSchema, ...errorResponses },
      },
    },
    async (req) => pemdaService.bantuan(req.query.pemda),
  );

  app.put(
    '/api/pemda/:kode/bantuan',
    {
      schema: {
        tags: ['pemda'],
        summary: 'Ubah kontak layanan bantuan pemda',
        params: z.strictObject({ kode: wilayahKodeSchema }),
        body: bantuanBodySchema,
        response: { 200: bantuanSchema, ...errorResponses },
      },
    },
    async (req) => pemdaService.updateBantuan(actorOf(req), req.params.kode, req.body, req.ip),
  );

  app.get(
    '/api/pemda/:kode/zona',
    {
      schema: {
        tags: ['pemda'],
        summary: 'Zona waktu pemda (WIB, WITA atau WIT)',
        params: z.strictObject({ kode: wilayahKodeSchema }),
        response: { 200: pemdaZonaSchema, ...errorResponses },
      },
    },
    async (req) => pemdaService.zona(actorOf(req), req.params.kode),
  );

  app.put(
    '/api/pemda/:kode/zona',
    {
      schema: {
        tags: ['pemda'],
        summary: 'Ubah zona waktu pemda',
        params: z.strictObject({ kode: wilayahKodeSchema }),
        body: pemdaZonaBodySchema,
        response: { 200: pemdaZonaSchema, ...errorResponses },
      },
    },
    async (req) => pemdaService.updateZona(actorOf(req), req.params.kode, req.body, req.ip),
  );
};
