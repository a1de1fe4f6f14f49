import { FREE, SlotTable } from './slot-table.js';
import { resized } from './typed-arrays.js';

/**
 * The tickets' ids, kept as UTF-8 bytes one after another in one arena, with the ids that came in
 * increasing order listed and the others in an open-addressing index, to find an id's slot while
 * records come.
 *
 * A million ids as strings took ~32 MB of heap (a string object each, and the array that held them)
 * and, since every one of them outlives the read, the collector copied each of them twice on the
 * way to the old generation. Here they take their bytes and 4 bytes of end offset each; an id is a
 * string again only when a report names its ticket (alerts, the tickets command, an error).
 */

/** The most bytes one UTF-16 code unit becomes (see encodeUnits). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Writes the code units of `text` from `i` on into `bytes` at `at` as UTF-8, a lone surrogate (a
 * JSON string may hold one: "\ud800") as the three bytes UTF-8 would give its code point (WTF-8):
 * two ids are the same bytes exactly when they are the same string. Returns where the bytes end.
 */
function encodeUnits(text: string, i: number, bytes: Uint8Array, at: number): number {
  for (; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      bytes[at++] = unit;
    } else if (unit < 0x800) {
      bytes[at++] = 0xc0 | (unit >> 6);
      bytes[at++] = 0x80 | (unit & 0x3f);
    } else {
      const next = text.charCodeAt(i + 1);
      if (unit >= 0xd800 && unit < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
        const point = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
        i++;
      } else {
        bytes[at++] = 0xe0 | (unit >> 12);
        bytes[at++] = 0x80 | ((unit >> 6) & 0x3f);
        bytes[at++] = 0x80 | (unit & 0x3f);
      }
    }
  }
  return at;
}

/** The string encodeUnits wrote as `bytes[from…to)`. */
function decodeUnits(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let at = from; at < to; ) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      text += String.fromCharCode(lead);
      at += 1;
    } else if (lead < 0xe0) {
      text += String.fromCharCode(((lead & 0x1f) << 6) | (bytes[at + 1]! & 0x3f));
      at += 2;
    } else if (lead < 0xf0) {
      text += String.fromCharCode(((lead & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f));
      at += 3;
    } else {
      text += String.fromCodePoint(((lead & 0x07) << 18) | ((bytes[at + 1]! & 0x3f) << 12) | ((bytes[at + 2]! & 0x3f) << 6) | (bytes[at + 3]! & 0x3f));
      at += 4;
    }
  }
  return text;
}

/** Ids out of order from which their index may be given room for all (see add): checked at each power of two. */
const OUT_OF_ORDER = 1024;

export class IdTable {
  /** How many ids are filed; the slots are 0…length-1, in the order they were added. */
  length = 0;
  private bytes = new Uint8Array(1 << 16);
  /** ends[slot]: where the bytes of id `slot` end (they start where those of slot - 1 end, or at 0). */
  private ends = new Int32Array(1024);
  /**
   * The slots of the ids that came in increasing order (see compareTail), each after every id filed
   * before it: most exports list tickets by id or by creation, so that an id is most often found
   * new by one comparison with the last of them, without a hash or a read of the index (a random
   * read among a million entries). An id not after them is looked for here by binary search, and
   * then among `others`. Undefined once sealed, and in a log (see `indexed`).
   */
  private run: Int32Array | undefined;
  private runLength = 0;
  /** The slots of the ids that came out of order, by their hash. */
  private others: SlotTable | undefined;
  /** How many ids came out of order (see add). */
  private outOfOrder = 0;
  /** Whether the index of those was given room for all the ids room was made for (see add). */
  private othersReserved = false;
  /** Where the bytes of the id looked up last and not found end in the arena (see add). */
  private freeEnd = 0;
  /** Whether the id looked up last and not found goes on the run (else among the others). */
  private afterRun = false;

  /**
   * `indexed` false: a log of ids in the order they come, repeats included (see append), as a
   * reader of one part of a file keeps them (tickets/store.ts, TicketStore.log).
   */
  constructor(indexed = true) {
    if (indexed) [this.run, this.others] = [new Int32Array(1024), new SlotTable()];
  }

  private get tail(): number {
    return this.length === 0 ? 0 : this.ends[this.length - 1]!;
  }

  /** The slot of `id`, or -1 when it is not filed yet: then its bytes stand after the last id's, and `add` files it. */
  find(id: string): number {
    this.writeTail(id);
    return this.locate();
  }

  /** The slot of the id whose bytes are `source[from, to)` (as another IdTable keeps them, see ids), or -1 as find. */
  findBytes(source: Uint8Array, from: number, to: number): number {
    const start = this.tail;
    if (start + (to - from) > this.bytes.length) this.growBytes(start + (to - from));
    const bytes = this.bytes;
    let end = start;
    for (let at = from; at < to; at++) bytes[end++] = source[at]!;
    this.freeEnd = end;
    return this.locate();
  }

  /** Writes the bytes of `id` after the last id's (to freeEnd). */
  private writeTail(id: string): void {
    const start = this.tail;
    if (start + id.length * MAX_BYTES_PER_UNIT > this.bytes.length) this.growBytes(start + id.length * MAX_BYTES_PER_UNIT);
    const bytes = this.bytes;
    let end = start;
    for (let i = 0; i < id.length; i++) {
      const unit = id.charCodeAt(i);
      if (unit >= 0x80) {
        end = encodeUnits(id, i, bytes, end);
        break;
      }
      bytes[end++] = unit;
    }
    this.freeEnd = end;
  }

  /** The slot of the id written at the tail, or -1 (see find). */
  private locate(): number {
    const run = this.run;
    if (run === undefined) throw new Error('internal: an id looked up in a log, or after the last record');
    const last = this.runLength - 1;
    if (last < 0 || this.compareTail(run[last]!) > 0) {
      this.afterRun = true;
      return -1;
    }
    // Binary search of the run, which is in increasing order.
    let [low, high] = [0, last];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compareTail(run[middle]!);
      if (order === 0) return run[middle]!;
      if (order > 0) low = middle + 1;
      else high = middle - 1;
    }
    this.afterRun = false;
    return this.probe(this.others!);
  }

  /**
   * The order of the id at the tail against the id of `slot`: negative, 0 or positive. Shorter ids
   * come first, and ids of one length in the order of their bytes, so that ids numbered in order
   * (9, 10; T-999, T-1000) are in increasing order.
   */
  private compareTail(slot: number): number {
    const bytes = this.bytes;
    const start = this.tail;
    const from = slot === 0 ? 0 : this.ends[slot - 1]!;
    const size = this.freeEnd - start;
    if (size !== this.ends[slot]! - from) return size - (this.ends[slot]! - from);
    for (let k = 0; k < size; k++) {
      const order = bytes[start + k]! - bytes[from + k]!;
      if (order !== 0) return order;
    }
    return 0;
  }

  /** The slot of the id written at the tail among the others, or -1 (FNV-1a over its bytes). */
  private probe(index: SlotTable): number {
    const bytes = this.bytes;
    const start = this.tail;
    const size = this.freeEnd - start;
    let h = 0x811c9dc5 | 0;
    for (let at = start; at < this.freeEnd; at++) h = Math.imul(h ^ bytes[at]!, 0x01000193);
    const { entries } = index;
    for (let entry = index.startOf(h); ; entry = index.next(entry)) {
      const slot = entries[2 * entry]!;
      if (slot === FREE) {
        index.missed(entry, h);
        return -1;
      }
      if (entries[2 * entry + 1] !== h) continue;
      const from = slot === 0 ? 0 : this.ends[slot - 1]!;
      if (this.ends[slot]! - from !== size) continue;
      let k = 0;
      while (k < size && bytes[from + k] === bytes[start + k]) k++;
      if (k === size) return slot;
    }
  }

  /** Files the id that `find` just did not find; returns its slot. */
  add(): number {
    const slot = this.file();
    if (!this.afterRun) {
      this.others!.add(slot);
      // Out of order is the rule here, not the exception (an export listed by update time): room
      // for all the ids room was made for, at once, as the list of those in order has (growing
      // the index by halves to a million ids cost ~0.4 s).
      const count = ++this.outOfOrder;
      if (!this.othersReserved && count >= OUT_OF_ORDER && (count & (count - 1)) === 0 && count * 8 >= this.runLength) {
        this.othersReserved = true;
        this.others!.reserve(this.ends.length - this.length);
      }
      return slot;
    }
    if (this.runLength === this.run!.length) this.run = resized(this.run!, Math.ceil(this.runLength * 1.5));
    this.run![this.runLength++] = slot;
    return slot;
  }

  /** A log's next id, filed whether or not it came before; returns its slot. */
  append(id: string): number {
    if (this.run !== undefined) throw new Error('internal: an id appended to an indexed table');
    this.writeTail(id);
    return this.file();
  }

  private file(): number {
    const slot = this.length++;
    if (slot === this.ends.length) this.ends = resized(this.ends, Math.ceil(slot * 1.5));
    this.ends[slot] = this.freeEnd;
    return slot;
  }

  /** Room for `count` more ids at once (the ids out of order have their index grow as they come). */
  reserve(count: number): void {
    const wanted = this.length + count;
    if (wanted > this.ends.length) this.ends = resized(this.ends, wanted);
    if (this.run !== undefined && this.runLength + count > this.run.length) this.run = resized(this.run, this.runLength + count);
  }

  /** Room for `count` more bytes of ids at once (a log's, see findBytes), rather than growing by half again several times. */
  reserveBytes(count: number): void {
    if (this.tail + count > this.bytes.length) this.bytes = resized(this.bytes, this.tail + count);
  }

  /** The id of a slot. */
  idOf(slot: number): string {
    return decodeUnits(this.bytes, slot === 0 ? 0 : this.ends[slot - 1]!, this.ends[slot]!);
  }

  /** The ids' bytes one after another and where each ends (sealed: exactly the ids'), for findBytes. */
  get arena(): { bytes: Uint8Array; ends: Int32Array } {
    return { bytes: this.bytes, ends: this.ends };
  }

  /**
   * No more ids: the index goes, and the arena is cut to what the ids take, as views of the same
   * memory. The room past them was never written, so it takes no memory (pages are given to a
   * process when first written); a copy would write as much again while the arrays it replaces
   * wait for the collector, which on a million tickets is about when the report computes (its
   * peak). Returns the memory of the list and the index, which nothing reads any more.
   */
  seal(): ArrayBuffer[] {
    const done = [this.run?.buffer, this.others?.entries.buffer].filter((buffer) => buffer !== undefined) as ArrayBuffer[];
    this.run = undefined;
    this.others = undefined;
    this.bytes = this.bytes.subarray(0, this.tail);
    this.ends = this.ends.subarray(0, this.length);
    return done;
  }

  /**
   * Room for `needed` bytes and more: for the ids room was made for (see reserve) at the mean
   * length of those so far, so that the arena of a large file is grown about once rather than
   * copied at each half again (and the second thread's ids then fit, see reserveBytes).
   */
  private growBytes(needed: number): void {
    const expected = this.length === 0 ? 0 : Math.ceil((this.tail / this.length) * this.ends.length);
    this.bytes = resized(this.bytes, Math.max(needed, Math.ceil(this.bytes.length * 1.5), expected));
  }
}
