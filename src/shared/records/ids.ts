import { z } from 'zod';

/** Every id is a UUID; sales and mutations use time-ordered UUIDv7 made on the device. */
export const id = z.uuid();

/** Money is an integer number of minor units (cents). Never a float. */
export const money = z.number().int().safe();

/** A tax rate in basis points: 1900 is 19 %. */
export const basisPoints = z.number().int().min(0).max(10_000);
