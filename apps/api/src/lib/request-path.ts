import type { FastifyRequest } from 'fastify';

/**
 * The path a request is judged by: the route the router matched, or for an unmatched request its
 * decoded path. Never the raw URL: the router decodes `/ap%69/…` to `/api/…`, so a guard reading the
 * raw text would wave it through (rate limits, CSRF, login, API headers).
 */
export function routedPath(req: FastifyRequest): string {
  if (req.routeOptions.url !== undefined) return req.routeOptions.url;
  const raw = req.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');
/** The OpenAPI document and its viewer: pages, not API answers. */
export const isApiDocsPath = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');
