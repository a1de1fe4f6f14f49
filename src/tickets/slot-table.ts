/**
 * The index under IdTable and the dictionaries: strings (kept by their owner) to their positions
 * (slots), by open addressing with linear probing over one Int32Array of entries, at most two
 * thirds of them used. An entry holds what a probe reads, so a lookup among a million ids or
 * 330,000 customers misses the cache once per entry it reads, not twice (two arrays did): the
 * slot, then the owner's words: the string's hash (IdTable), or a short string whole (see
 * StringIndex in store.ts), so that finding it reads neither the owner's list nor the string.
 * (A dictionary's 16-byte entries at two thirds take the memory that 8-byte entries at half did
 * for 330,000 customers; for a million distinct values, twice as much while the file is read.)
 *
 * The owner probes (it knows how to compare its strings): it reads `entries` from `startOf(hash)`
 * on through `next`, `stride` words an entry, and on reaching a free entry calls `missed` with
 * the words the entry is to hold; `add` then files the string it was looking for there.
 */

/** A free entry's slot. */
export const FREE = -1;

/** The hash of the string an entry holds, read from its words (the entry starts at `at`): to place it again when the table grows. */
export type HashOfEntry = (entries: Int32Array, at: number) => number;

/** Entries whose second word is the hash. */
const hashInWord1: HashOfEntry = (entries, at) => entries[at + 1]!;

export class SlotTable {
  /** Entry e at stride·e: its slot, then the owner's words. */
  entries: Int32Array;
  /** Entries - 1 (their count is a power of two). */
  private mask: number;
  private used = 0;
  /** Where the string looked up last and not found goes, and the words its entry holds. */
  private freeAt = 0;
  private readonly freeWords = new Int32Array(3);

  constructor(
    /** Words an entry takes: the slot and the owner's 1 or 3. */
    readonly stride: 2 | 4 = 2,
    private readonly hashOf: HashOfEntry = hashInWord1,
    size = 2048,
  ) {
    this.entries = new Int32Array(stride * size).fill(FREE);
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

  /** A probe reached free `entry`: `add` files the string there, its entry holding these words (the hash first, for a stride of 2). */
  missed(entry: number, word1: number, word2 = 0, word3 = 0): void {
    this.freeAt = entry;
    this.freeWords[0] = word1;
    this.freeWords[1] = word2;
    this.freeWords[2] = word3;
  }

  /**
   * Files `slot` where the last probe missed. Nothing may resize the table between that probe and
   * this (a `reserve` comes between records, never inside one): the entry would be the old table's.
   */
  add(slot: number): void {
    const { stride, entries, freeWords } = this;
    const at = stride * this.freeAt;
    entries[at] = slot;
    for (let w = 1; w < stride; w++) entries[at + w] = freeWords[w - 1]!;
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
    const fresh = (this.entries = new Int32Array(stride * entries).fill(FREE));
    const mask = (this.mask = entries - 1);
    for (let e = 0; e < old.length; e += stride) {
      if (old[e] === FREE) continue;
      let at = this.hashOf(old, e) & mask;
      while (fresh[stride * at] !== FREE) at = (at + 1) & mask;
      for (let w = 0; w < stride; w++) fresh[stride * at + w] = old[e + w]!;
    }
  }
}
