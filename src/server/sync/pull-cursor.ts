// The pull cursor, opaque to clients: base64url of a small JSON. `w` is the xid8 watermark the
// run started from (rows with xid >= w come back; null: everything). While a run has more
// pages, `n` carries the watermark read by its first page, handed on when the run ends, `m` that
// page's xmax (rows at or above it belong to the next run, so a run always ends), and `a` the
// position (xid, entity rank, id) after which the next page continues.
import { z } from 'zod';
import { AppError } from '../errors';

const XID8_MAX = 18_446_744_073_709_551_615n;

// One refine, not regex + refine: zod runs every check, and BigInt('1e9') would throw.
const xid8 = z.string().refine((s) => /^\d{1,20}$/.test(s) && BigInt(s) <= XID8_MAX);

const cursorSchema = z.strictObject({
  v: z.literal(1),
  /** The first characters of the server epoch: a cursor of another database is refused. */
  e: z.string().max(40),
  w: xid8.nullable(),
  n: xid8.optional(),
  m: xid8.optional(),
  a: z.tuple([xid8, z.number().int().min(0).max(50), z.uuid()]).optional(),
  /** Rows left in the run after this page, as counted on its first page (a progress hint). */
  r: z.number().int().min(0).optional(),
});
export type PullCursor = z.infer<typeof cursorSchema>;

export const epochTag = (epoch: string) => epoch.slice(0, 8);

export function encodeCursor(cursor: PullCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): PullCursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('InvalidRequest', 'The pull cursor is not valid.');
  }
  const parsed = cursorSchema.safeParse(json);
  const midRun = [parsed.data?.a, parsed.data?.n, parsed.data?.m].filter((x) => x !== undefined);
  if (!parsed.success || (midRun.length !== 0 && midRun.length !== 3)) {
    throw new AppError('InvalidRequest', 'The pull cursor is not valid.');
  }
  return parsed.data;
}
