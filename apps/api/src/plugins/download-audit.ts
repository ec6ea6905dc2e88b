import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditRepo } from '../modules/audit/audit.repo';

/**
 * Every file a signed-in person takes away (bukti dukung, rapor, ranking, SKM, user and framework
 * exports) leaves an audit row — who, which route and object, which file, how big, from where —
 * written before the file is sent, so no download goes unrecorded. One hook, so a new export
 * route is audited without remembering to.
 */
export const downloadAuditPlugin = fp(async (app: FastifyInstance, { audit }: { audit: AuditRepo }) => {
  app.addHook('onSend', async (req, reply, payload) => {
    const disposition = reply.getHeader('content-disposition');
    if (!req.actor || reply.statusCode !== 200 || typeof disposition !== 'string') return payload;
    if (!disposition.startsWith('attachment')) return payload;
    const route = req.routeOptions.url ?? req.url;
    const params = (req.params ?? {}) as Record<string, string | undefined>;
    const evidence = route === '/api/bukti/:id';
    await audit.record(req.actor, {
      action: evidence ? 'evidence.downloaded' : 'export.downloaded',
      entity: evidence ? 'bukti' : 'ekspor',
      entityId: params.id ?? params.kode ?? params.tahun ?? null,
      after: {
        route,
        query: req.query ?? null,
        filename: /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? null,
        bytes: typeof payload === 'string' || Buffer.isBuffer(payload) ? Buffer.byteLength(payload) : null,
      },
      ip: req.ip,
    });
    return payload;
  });
});
