import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponse } from '../../shared/api/health';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { schema: { tags: ['health'], response: { 200: healthResponse } } },
    async () => ({
      status: 'ok' as const,
      epoch: app.till.epoch,
      time: app.till.now().toISOString(),
    }),
  );
};
