// The fingerprint of a mutation: SHA-256 of its kind and payload as canonical JSON (object keys
// sorted at every level), so the same mutation hashes the same whatever the key order, and a
// reused id with any other content is told apart.
import { createHash } from 'node:crypto';

/** An array index-like key: JavaScript orders these first, numerically, in any object. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/** Thrown inside sorted() when a plain copy cannot give the canonical text. */
class NotCopyable extends Error {}

/** A copy with every object's keys inserted in sorted order (undefined members left out). */
function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sorted);
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // The default sort compares UTF-16 code units, as `<` does.
  for (const key of Object.keys(record).sort()) {
    // An index-like key would be put first by JavaScript itself; assigning "__proto__" would
    // set the copy's prototype instead of a member.
    if (INDEX_KEY.test(key) || key === '__proto__') throw new NotCopyable();
    const v = record[key];
    if (v !== undefined) out[key] = sorted(v);
  }
  return out;
}

/** The same text, written by hand: for the rare value a plain copy cannot carry. */
function written(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + written(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + written(v);
  }
  return out + '}';
}

/**
 * Keys sorted at every level. Most values are copied with sorted keys and handed to the native
 * JSON.stringify (every pushed mutation is encoded once, and this was the push's largest CPU
 * cost); a key like "10" would be put first by JavaScript itself and a key "__proto__" would
 * not be copied as a member, so such values are written by hand instead. Both give the same text.
 */
export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(sorted(value)) ?? 'null';
  } catch (err) {
    if (err instanceof NotCopyable) return written(value);
    throw err;
  }
}

export function payloadHash(kind: string, payload: unknown): string {
  return createHash('sha256').update(canonicalJson({ kind, payload })).digest('hex');
}
