/** A typed array copied into one of another capacity (larger to grow, smaller to trim), of the same type. */
export function resized<T extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>(array: T, capacity: number): T {
  const copy = new (array.constructor as new (n: number) => T)(capacity);
  copy.set(array.length <= capacity ? array : array.subarray(0, capacity));
  return copy;
}
