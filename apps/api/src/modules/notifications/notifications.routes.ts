import { notificationListSchema, unreadCountSchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { NotificationsService } from './notifications.service';

export const notificationsRoutes: FastifyPluginAsyncZod<{
  notificationsService: NotificationsService;
}> = async (app, { notificationsService: svc }) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifikasi'],
        summary: 'Notifikasi saya (terbaru dahulu)',
        response: { 200: notificationListSchema, ...errorResponses },
      },
    },
    async (req) => svc.list(actorOf(req)),
  );
  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags: ['notifikasi'],
        summary: 'Jumlah notifikasi belum dibaca',
        response: { 200: unreadCountSchema, ...errorResponses },
      },
    },
    async (req) => svc.unread(actorOf(req)),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifikasi'],
        summary: 'Tandai satu notifikasi sudah dibaca',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: unreadCountSchema, ...errorResponses },
      },
    },
    async (req) => svc.markRead(actorOf(req), req.params.id),
  );
  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notifikasi'],
        summary: 'Tandai semua notifikasi sudah dibaca',
        response: { 200: unreadCountSchema, ...errorResponses },
      },
    },
    async (req) => svc.markRead(actorOf(req), null),
  );
};
