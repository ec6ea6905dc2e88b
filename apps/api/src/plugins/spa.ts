import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import { isApiPath, routedPath } from '../lib/request-path';

/** Serves the built web app; unknown non-API paths get index.html so client routes survive a reload. */
export const spaPlugin = fp(async (app: FastifyInstance, opts: { webDist: string }) => {
  const hasBuild = existsSync(path.join(opts.webDist, 'index.html'));
  const hasSurvey = existsSync(path.join(opts.webDist, 'survei.html'));
  const hasLogin = existsSync(path.join(opts.webDist, 'masuk.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: opts.webDist,
      wildcard: false,
      // scripts/compress-dist.mjs writes .br/.gz beside each asset at build time.
      preCompressed: true,
      index: false,
      setHeaders: (res, file) => {
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const api = isApiPath(routedPath(req));
    if (api || req.method !== 'GET' || !hasBuild) {
      throw new AppError(
        'NOT_FOUND',
        hasBuild || api
          ? `Alamat ${req.method} ${req.url.split('?')[0]} tidak ditemukan.`
          : 'Aplikasi web belum dibangun: jalankan "pnpm build".',
      );
    }
    // The public SKM survey is its own small bundle (no Mantine, no router): apps/web/survei.html,
    // with a unit's code or without one (the citizen then picks his unit).
    if (/^\/survei(\/[0-9.]+)?\/?(\?|$)/.test(req.url) && hasSurvey) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('survei.html');
    }
    // The login page is its own light bundle too (React and one component): apps/web/masuk.html.
    if (/^\/masuk\/?(\?|$)/.test(req.url) && hasLogin) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('masuk.html');
    }
    const ext = path.extname(req.url.split('?')[0] ?? '');
    // A wilayah code (/unit/32.73.02.1004) is a client route, not a file with extension ".1004".
    if (ext && ext !== '.html' && !/^\.\d+$/.test(ext)) {
      throw new AppError('NOT_FOUND', 'Berkas tidak ditemukan.');
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
});
