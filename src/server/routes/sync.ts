// The sync protocol's routes (docs/sync-protocol.md): push a register's outbox, pull changes by
// cursor, check a digest, and for managers the devices with seq gaps and the flagged sales.
// The guard runs on request, before a push body of up to 32 MiB is read.
import type { FastifyReply, preValidationAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_BATCH, pushRequest, pushResponse } from '../../shared/api/push';
import { pullQuery, pullResponse } from '../../shared/api/pull';
import { digestQuery, digestResponse } from '../../shared/api/digest';
import { syncDevicesResponse } from '../../shared/api/devices-gaps';
import { flagsQuery, flagsResponse } from '../../shared/api/flags';
import { authOf, requireRole } from '../auth/guard';
import { AppError } from '../errors';
import { boundRegister } from '../sync/push-context';
import { pushBatch } from '../sync/push-batch';
import { pullPage, pullSharing, settleAhead } from '../sync/pull';
import { digestOf } from '../sync/digest';
import { listDeviceSeqs } from '../sync/device-seq';
import { listFlags } from '../sync/flags';
import { withinDepth } from '../sync/json-depth';

/** 100 sales of 500 lines each, uncompressed; gzip bodies are capped at this once inflated. */
export const PUSH_BODY_LIMIT = 32 * 1024 * 1024;
/** A sale nests 7 levels deep in a push body; anything far deeper is hostile. */
const MAX_BODY_DEPTH = 32;

/** Before the schema: too many mutations is 413 (split the batch), too deep is refused. */
const checkPushShape: preValidationAsyncHookHandler = async (request) => {
  if (!withinDepth(request.body, MAX_BODY_DEPTH)) {
    throw new AppError('InvalidRequest', 'The request body nests too deeply.');
  }
  const mutations = (request.body as { mutations?: unknown } | null)?.mutations;
  if (Array.isArray(mutations) && mutations.length > MAX_BATCH) {
    throw new AppError('PayloadTooLarge', `A batch holds at most ${MAX_BATCH} mutations.`);
  }
};

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export const syncRoutes: FastifyPluginAsyncZod = async (app) => {
  const { till } = app;
  const { db } = till;
  const sharing = pullSharing(db);
  // Pages being built ahead finish before the database is closed.
  app.addHook('onClose', () => settleAhead(sharing));
  const security = [{ bearer: [] }];

  app.post(
    '/api/sync/push',
    {
      onRequest: requireRole(),
      preValidation: checkPushShape,
      bodyLimit: PUSH_BODY_LIMIT,
      schema: { tags: ['sync'], security, body: pushRequest, response: { 200: pushResponse } },
    },
    async (request) => {
      const auth = authOf(request);
      if (request.body.deviceId !== auth.deviceId) {
        throw new AppError(
          'Forbidden',
          'This batch comes from another device than the signed-in one.',
        );
      }
      const registerId = await boundRegister(db, auth.deviceId, auth.storeId);
      return pushBatch(
        db,
        {
          deviceId: auth.deviceId,
          storeId: auth.storeId,
          userId: auth.sub,
          role: auth.role,
          registerId,
          log: request.log,
        },
        request.body,
        till.epoch,
      );
    },
  );

  app.get(
    '/api/sync/pull',
    {
      onRequest: requireRole(),
      schema: { tags: ['sync'], security, querystring: pullQuery, response: { 200: pullResponse } },
    },
    async (request, reply) => {
      const { deviceId, storeId } = authOf(request);
      const page = await pullPage(
        db,
        { storeId, deviceId },
        request.query.cursor,
        request.query.limit,
        till.epoch,
        sharing,
      );
      // Sent as built (the cache holds it encoded by the response schema), gzipped once for
      // every request that shares it; a Content-Encoding set here passes @fastify/compress by.
      // The typed reply takes only the response object; this body is its encoding already.
      const raw = reply as unknown as FastifyReply;
      void raw.type('application/json; charset=utf-8');
      if (page.json.length >= 1024 && acceptsGzip(request.headers['accept-encoding'])) {
        void raw.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
        return raw.send(await page.gzipped());
      }
      return raw.send(page.json);
    },
  );

  app.get(
    '/api/sync/digest',
    {
      onRequest: requireRole(),
      schema: {
        tags: ['sync'],
        security,
        querystring: digestQuery,
        response: { 200: digestResponse },
      },
    },
    async (request) => {
      const { deviceId, storeId } = authOf(request);
      const registerId = await boundRegister(db, deviceId, storeId);
      return digestOf(db, { storeId, registerId }, request.query.entity, till.epoch);
    },
  );

  app.get(
    '/api/sync/devices',
    {
      onRequest: requireRole('manager', 'admin'),
      schema: { tags: ['sync'], security, response: { 200: syncDevicesResponse } },
    },
    async (request) => ({
      epoch: till.epoch,
      devices: await listDeviceSeqs(db, authOf(request).storeId),
    }),
  );

  app.get(
    '/api/sync/flags',
    {
      onRequest: requireRole('manager', 'admin'),
      schema: {
        tags: ['sync'],
        security,
        querystring: flagsQuery,
        response: { 200: flagsResponse },
      },
    },
    async (request) => ({
      epoch: till.epoch,
      flags: await listFlags(db, authOf(request).storeId, request.query),
    }),
  );
};
