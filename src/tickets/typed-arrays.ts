/** A typed array copied into one of another capacity (larger to grow, smaller to trim), of the same type. */
export function resized<T extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>(array: T, capacity: number): T {
  const copy = new (array.constructor as new (n: number) => T)(capacity);
  copy.set(array.length <= capacity ? array : array.subarray(0, capacity));
  return copy;
}

/**
 * Frees the memory of `buffers` at once, where the runtime can (`ArrayBuffer.prototype.transfer`,
 * from Node 21 on: each buffer is detached, the arrays over it are empty from then on); on Node 20
 * their memory goes when the collector finds them unused, which after reading a large file is
 * often not before the report is computed. Only for memory nothing reads again.
 */
export function release(buffers: readonly ArrayBufferLike[]): void {
  for (const buffer of new Set(buffers)) {
    const transfer = (buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer;
    if (typeof transfer === 'function' && buffer instanceof ArrayBuffer && buffer.byteLength > 0) transfer.call(buffer, 0);
  }
}
