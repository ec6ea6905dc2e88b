import { unitProfileBodySchema, unitSchema, wilayahKodeSchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { UnitService } from './unit.service';

const kodeParams = z.strictObject({ kode: wilayahKodeSchema });

export const unitRoutes: FastifyPluginAsyncZod<{ unitService: UnitService }> = async (
  app,
  { unitService },
) => {
  app.get(
    '/api/unit/:kode',
    {
      schema: {
        tags: ['unit'],
        summary: 'Profil unit (kecamatan/kelurahan) dan pejabatnya',
        params: kodeParams,
        response: { 200: unitSchema, ...errorResponses },
      },
    },
    async (req) => unitService.get(actorOf(req), req.params.kode),
  );

  app.put(
    '/api/unit/:kode/profil',
    {
      schema: {
        tags: ['unit'],
        summary: 'Ubah profil kantor unit',
        params: kodeParams,
        body: unitProfileBodySchema,
        response: { 200: unitSchema, ...errorResponses },
      },
    },
    async (req) => unitService.updateProfile(actorOf(req), req.params.kode, req.body, req.ip),
  );
};
