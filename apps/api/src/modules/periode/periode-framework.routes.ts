import { frameworkExportSchema, frameworkIssuesSchema, validateFrameworkBodySchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import { periodeIdParams } from './periode.routes';
import type { PeriodeService } from './periode.service';

export const periodeFrameworkRoutes: FastifyPluginAsyncZod<{ periodeService: PeriodeService }> = async (
  app,
  { periodeService },
) => {
  app.post(
    '/api/framework/validate',
    {
      schema: {
        tags: ['framework'],
        summary: 'Periksa kerangka penilaian (atau berkas ekspornya) tanpa menyimpan',
        body: validateFrameworkBodySchema,
        response: { 200: frameworkIssuesSchema, ...errorResponses },
      },
    },
    async (req) => ({ issues: periodeService.validate(actorOf(req), req.body.framework) }),
  );

  app.get(
    '/api/periode/:id/framework/export',
    {
      schema: {
        tags: ['framework'],
        summary: 'Ekspor kerangka penilaian sebagai JSON (untuk diimpor pemda lain)',
        params: periodeIdParams,
        response: { 200: frameworkExportSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const exported = await periodeService.exportFramework(actorOf(req), req.params.id);
      const name = `kerangka-penilaian-${exported.sumber.pemdaKode}-${exported.sumber.tahun}.json`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      return exported;
    },
  );
};
