import {
  wilayahKodeSchema,
  wilayahListSchema,
  wilayahSearchQuerySchema,
  wilayahSearchResultSchema,
  wilayahWithPathSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import type { WilayahService } from './wilayah.service';

const kodeParams = z.strictObject({ kode: wilayahKodeSchema });

export const wilayahRoutes: FastifyPluginAsyncZod<{ wilayahService: WilayahService }> = async (
  app,
  { wilayahService },
) => {
  app.get(
    '/api/wilayah',
    {
      schema: {
        tags: ['wilayah'],
        summary: 'Wilayah tingkat teratas (provinsi)',
        response: { 200: wilayahListSchema, ...errorResponses },
      },
    },
    async () => ({ items: await wilayahService.children(null) }),
  );

  app.get(
    '/api/wilayah/search',
    {
      schema: {
        tags: ['wilayah'],
        summary: 'Cari wilayah menurut nama',
        querystring: wilayahSearchQuerySchema,
        response: { 200: wilayahSearchResultSchema, ...errorResponses },
      },
    },
    async (req) => ({
      items: await wilayahService.search(req.query.q, {
        dalam: req.query.dalam,
        level: req.query.level,
        limit: req.query.limit,
      }),
    }),
  );

  app.get(
    '/api/wilayah/:kode',
    {
      schema: {
        tags: ['wilayah'],
        summary: 'Satu wilayah dengan jalurnya',
        params: kodeParams,
        response: { 200: wilayahWithPathSchema, ...errorResponses },
      },
    },
    async (req) => wilayahService.get(req.params.kode),
  );

  app.get(
    '/api/wilayah/:kode/anak',
    {
      schema: {
        tags: ['wilayah'],
        summary: 'Wilayah di bawahnya',
        params: kodeParams,
        response: { 200: wilayahListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await wilayahService.children(req.params.kode) }),
  );
};
