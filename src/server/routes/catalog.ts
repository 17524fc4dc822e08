// The caller's store and its catalog, products paged by id. The store always comes from the
// token: there is no way to ask for another store's catalog.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogQuery, catalogResponse } from '../../shared/api/catalog';
import { requireRole, authOf } from '../auth/guard';
import type {
  CategoryRow,
  PaymentMethodRow,
  ProductRow,
  RegisterRow,
  StoreRow,
  TaxRateRow,
} from '../db/records';
import {
  categoryColumns,
  paymentMethodColumns,
  productColumns,
  registerColumns,
  storeColumns,
  taxRateColumns,
  toCategory,
  toPaymentMethod,
  toProduct,
  toRegister,
  toStore,
  toTaxRate,
} from '../db/records';
import { AppError } from '../errors';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!uuidPattern.test(id))
    throw new AppError('InvalidRequest', 'The catalog cursor is not valid.');
  return id;
}

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.till;

  app.get(
    '/api/catalog',
    {
      onRequest: requireRole(),
      schema: {
        tags: ['catalog'],
        security: [{ bearer: [] }],
        querystring: catalogQuery,
        response: { 200: catalogResponse },
      },
    },
    async (request) => {
      const { storeId } = authOf(request);
      const after = decodeCursor(request.query.cursor);
      const limit = request.query.limit;
      const live = 'store_id = $1 and not deleted';
      const [stores, registers, categories, taxRates, methods, products] = await Promise.all([
        db.query<StoreRow>(`select ${storeColumns} from stores where id = $1 and not deleted`, [
          storeId,
        ]),
        db.query<RegisterRow>(
          `select ${registerColumns} from registers where ${live} order by code`,
          [storeId],
        ),
        db.query<CategoryRow>(
          `select ${categoryColumns} from categories where ${live} order by sort_order, name`,
          [storeId],
        ),
        db.query<TaxRateRow>(
          `select ${taxRateColumns} from tax_rates where ${live} order by basis_points`,
          [storeId],
        ),
        db.query<PaymentMethodRow>(
          `select ${paymentMethodColumns} from payment_methods where ${live} order by code`,
          [storeId],
        ),
        db.query<ProductRow>(
          `select ${productColumns} from products
            where ${live} and ($2::uuid is null or id > $2::uuid) order by id limit $3`,
          [storeId, after, limit + 1],
        ),
      ]);
      const store = stores.rows[0];
      if (!store) throw new AppError('NotFound', 'Your store no longer exists.');
      const page = products.rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        store: toStore(store),
        registers: registers.rows.map(toRegister),
        categories: categories.rows.map(toCategory),
        taxRates: taxRates.rows.map(toTaxRate),
        paymentMethods: methods.rows.map(toPaymentMethod),
        products: page.map(toProduct),
        nextCursor:
          products.rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null,
      };
    },
  );
};
