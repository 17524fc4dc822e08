// How deeply a parsed JSON value nests, found without recursion, so a hostile body of a
// million brackets is refused before any recursive code (hashing, validation) touches it.

/** True when no array or object in `value` lies deeper than `max` levels. */
export function withinDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}
