import { z } from 'zod/mini';

/** Every id is a UUID; sales and mutations use time-ordered UUIDv7 made on the device. */
export const id = z.uuid();

/** Money is an integer number of minor units (cents). Never a float. */
export const money = z.number().check(z.int());

/** A tax rate in basis points: 1900 is 19 %. */
export const basisPoints = z.number().check(z.int(), z.minimum(0), z.maximum(10_000));
