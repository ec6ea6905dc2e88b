import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditRepo } from '../modules/audit/audit.repo';

/**
 * Every file a signed-in person takes away (bukti dukung, rapor, ranking, SKM, user and framework
 * exports) or views in the app (bukti dukung shown inline) leaves an audit row — who, which route
 * and object, which file, how big, from where — written before the file is sent, so no download or
 * view goes unrecorded. One hook, so a new export
 * route is audited without remembering to.
 */
export const downloadAuditPlugin = fp(async (app: FastifyInstance, { audit }: { audit: AuditRepo }) => {
  app.addHook('onSend', async (req, reply, payload) => {
    const disposition = reply.getHeader('content-disposition');
    if (!req.actor || reply.statusCode !== 200 || typeof disposition !== 'string') return payload;
    const route = req.routeOptions.url ?? req.url;
    const evidence = route === '/api/bukti/:id';
    // Evidence shown in the app's viewer (inline) is as much a look at it as a download.
    const viewed = evidence && disposition.startsWith('inline');
    if (!viewed && !disposition.startsWith('attachment')) return payload;
    const params = (req.params ?? {}) as Record<string, string | undefined>;
    await audit.record(req.actor, {
      action: viewed ? 'evidence.viewed' : evidence ? 'evidence.downloaded' : 'export.downloaded',
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
