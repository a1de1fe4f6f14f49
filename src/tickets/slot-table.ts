/**
 * The index under IdTable and the dictionaries: strings (kept by their owner) to their positions
 * (slots), by open addressing with linear probing over one Int32Array of (slot, hash) pairs, at
 * most half of them used. A pair holds what a probe reads, so a lookup among a million ids or
 * 330,000 customers misses the cache once per entry it reads, not twice (two arrays did).
 *
 * The owner probes (it knows how to compare its strings): it reads `entries` from `startOf(hash)`
 * on through `next`, and on reaching a free entry calls `missed`; `add` then files the string it
 * was looking for there.
 */

/** A free entry's slot. */
export const FREE = -1;

export class SlotTable {
  /** Pairs (slot, hash): entry e at 2e and 2e + 1. */
  entries: Int32Array;
  private used = 0;
  /** Where the string looked up last and not found goes, and its hash. */
  private freeAt = 0;
  private freeHash = 0;

  constructor(size = 2048) {
    this.entries = new Int32Array(2 * size).fill(FREE);
  }

  /** The first entry a hash probes. */
  startOf(hash: number): number {
    return hash & ((this.entries.length >> 1) - 1);
  }

  /** The entry after `entry` (wrapping around). */
  next(entry: number): number {
    return (entry + 1) & ((this.entries.length >> 1) - 1);
  }

  /** A probe for `hash` reached free `entry`: `add` files the string there. */
  missed(entry: number, hash: number): void {
    this.freeAt = entry;
    this.freeHash = hash;
  }

  /**
   * Files `slot` where the last probe missed. Nothing may resize the table between that probe and
   * this (a `reserve` comes between records, never inside one): the entry would be the old table's.
   */
  add(slot: number): void {
    this.entries[2 * this.freeAt] = slot;
    this.entries[2 * this.freeAt + 1] = this.freeHash;
    if (++this.used * 4 > this.entries.length) this.resize(this.used * 2);
  }

  /** Room for `count` more strings, made at once (placing a million again costs ~100 ms). */
  reserve(count: number): void {
    if ((this.used + count) * 4 > this.entries.length) this.resize((this.used + count) * 2);
  }

  /** At least `size` entries (a power of two), each filed slot placed again. */
  private resize(size: number): void {
    const old = this.entries;
    let entries = old.length >> 1;
    while (entries < size) entries *= 2;
    this.entries = new Int32Array(2 * entries).fill(FREE);
    const mask = entries - 1;
    for (let e = 0; e < old.length; e += 2) {
      if (old[e] === FREE) continue;
      let at = old[e + 1]! & mask;
      while (this.entries[2 * at] !== FREE) at = (at + 1) & mask;
      this.entries[2 * at] = old[e]!;
      this.entries[2 * at + 1] = old[e + 1]!;
    }
  }
}
