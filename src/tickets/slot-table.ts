/**
 * The index under IdTable and the dictionaries: strings (kept by their owner) to their positions
 * (slots), by open addressing with linear probing over one Int32Array of entries, at most two
 * thirds of them used. An entry holds what a probe reads, so a lookup among a million ids or
 * 330,000 customers misses the cache once per entry it reads, not twice (two arrays did): the
 * slot, the string's hash and, when the owner asks for them, `keyWords` more words that hold a
 * short string whole (see StringIndex in store.ts), so that finding it reads neither the owner's
 * list nor the string. (The customers' 16-byte entries at two thirds take the 8 MB that 8-byte
 * entries at half did.)
 *
 * The owner probes (it knows how to compare its strings): it reads `entries` from `startOf(hash)`
 * on through `next`, `stride` words an entry, and on reaching a free entry calls `missed`; `add`
 * then files the string it was looking for there.
 */

/** A free entry's slot. */
export const FREE = -1;

export class SlotTable {
  /** Entry e at stride·e: its slot, its hash, then its key words. */
  entries: Int32Array;
  /** Words an entry takes. */
  readonly stride: number;
  /** Entries - 1 (their count is a power of two). */
  private mask: number;
  private used = 0;
  /** Where the string looked up last and not found goes, its hash and key words. */
  private freeAt = 0;
  private freeHash = 0;
  private freeKey0 = 0;
  private freeKey1 = 0;

  constructor(
    /** Words of key an entry holds beside its slot and hash: 0 or 2. */
    readonly keyWords: 0 | 2 = 0,
    size = 2048,
  ) {
    this.stride = 2 + keyWords;
    this.entries = new Int32Array(this.stride * size).fill(FREE);
    this.mask = size - 1;
  }

  /** The first entry a hash probes. */
  startOf(hash: number): number {
    return hash & this.mask;
  }

  /** The entry after `entry` (wrapping around). */
  next(entry: number): number {
    return (entry + 1) & this.mask;
  }

  /** A probe for `hash` (and key words) reached free `entry`: `add` files the string there. */
  missed(entry: number, hash: number, key0 = 0, key1 = 0): void {
    this.freeAt = entry;
    this.freeHash = hash;
    this.freeKey0 = key0;
    this.freeKey1 = key1;
  }

  /**
   * Files `slot` where the last probe missed. Nothing may resize the table between that probe and
   * this (a `reserve` comes between records, never inside one): the entry would be the old table's.
   */
  add(slot: number): void {
    const at = this.stride * this.freeAt;
    this.entries[at] = slot;
    this.entries[at + 1] = this.freeHash;
    if (this.keyWords === 2) {
      this.entries[at + 2] = this.freeKey0;
      this.entries[at + 3] = this.freeKey1;
    }
    if (++this.used * 3 > (this.mask + 1) * 2) this.resize(this.used * 2);
  }

  /** Room for `count` more strings, made at once (placing a million again costs ~100 ms). */
  reserve(count: number): void {
    if ((this.used + count) * 3 > (this.mask + 1) * 2) this.resize(Math.ceil((this.used + count) * 1.5));
  }

  /** At least `size` entries (a power of two), each filed slot placed again. */
  private resize(size: number): void {
    const { stride } = this;
    const old = this.entries;
    let entries = this.mask + 1;
    while (entries < size) entries *= 2;
    this.entries = new Int32Array(stride * entries).fill(FREE);
    const mask = (this.mask = entries - 1);
    for (let e = 0; e < old.length; e += stride) {
      if (old[e] === FREE) continue;
      let at = old[e + 1]! & mask;
      while (this.entries[stride * at] !== FREE) at = (at + 1) & mask;
      this.entries.set(old.subarray(e, e + stride), stride * at);
    }
  }
}
