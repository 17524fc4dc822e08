// The fingerprint of a mutation: SHA-256 of its kind and payload as canonical JSON (object keys
// sorted at every level), so the same mutation hashes the same whatever the key order, and a
// reused id with any other content is told apart.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Loops and string appends, not entries/filter/sort/map/join: every pushed mutation is
  // encoded once, and the allocations of the plain form were the push's largest CPU cost.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` does.
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + canonicalJson(v);
  }
  return out + '}';
}

export function payloadHash(kind: string, payload: unknown): string {
  return createHash('sha256').update(canonicalJson({ kind, payload })).digest('hex');
}
