import { unitProfileBodySchema, unitSchema, wilayahKodeSchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { UnitsService } from './units.service';

const kodeParams = z.strictObject({ kode: wilayahKodeSchema });

export const unitsRoutes: FastifyPluginAsyncZod<{ unitsService: UnitsService }> = async (
  app,
  { unitsService },
) => {
  app.get(
    '/api/units/:kode',
    {
      schema: {
        tags: ['unit'],
        summary: 'Profil unit (kecamatan/kelurahan) dan pejabatnya',
        params: kodeParams,
        response: { 200: unitSchema, ...errorResponses },
      },
    },
    async (req) => unitsService.get(actorOf(req), req.params.kode),
  );

  app.put(
    '/api/units/:kode/profile',
    {
      schema: {
        tags: ['unit'],
        summary: 'Ubah profil kantor unit',
        params: kodeParams,
        body: unitProfileBodySchema,
        response: { 200: unitSchema, ...errorResponses },
      },
    },
    async (req) => unitsService.updateProfile(actorOf(req), req.params.kode, req.body, req.ip),
  );
};
