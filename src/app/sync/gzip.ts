// Request bodies above a few kilobytes go gzip-compressed (a batch of 100 sales is ~150 KB of
// JSON and compresses ~10×; registers often sit on slow links).

export const GZIP_THRESHOLD = 8 * 1024;

export async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A JSON request body, compressed when large. */
export async function jsonBody(
  value: unknown,
): Promise<{ body: BodyInit; headers: Record<string, string> }> {
  const text = JSON.stringify(value);
  if (text.length < GZIP_THRESHOLD)
    return { body: text, headers: { 'content-type': 'application/json' } };
  return {
    body: (await gzip(text)) as Uint8Array<ArrayBuffer>,
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
  };
}
