/**
 * Reads a request body up to `limit` bytes. Over the limit it stops reading and returns
 * `{ body: null, size }`, so a huge upload costs neither memory nor a 500.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<{ body: Uint8Array<ArrayBuffer> | null; size: number }> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => {});
    return { body: null, size: declared };
  }
  if (!request.body) return { body: new Uint8Array(), size: 0 };

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { body: null, size };
    }
    chunks.push(value);
  }
  return { body: Buffer.concat(chunks), size };
}
