import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** One registered route, as the app itself declared it (the security suites are generated from these). */
export interface RouteTableEntry {
  method: string;
  url: string;
  public: boolean;
  /** The zod schema of the body, when the route takes one. */
  body: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after this plugin (HEAD twins of GET routes left out). */
    routeTable: RouteTableEntry[];
  }
}

/** Collects the route table through `onRoute`; register it before any module. */
export const routeTablePlugin = fp(async (app: FastifyInstance) => {
  const routes: RouteTableEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        public: Boolean((route.config as { public?: boolean } | undefined)?.public),
        body: route.schema?.body,
      });
    }
  });
});
