import { tagList, type ParsedTicket } from '../schema/validate.js';

/**
 * The valid, de-duplicated tickets of a run, kept column by column in typed arrays: a million
 * tickets take ~120 bytes each plus their id, where plain objects would take several times that.
 * Text values are interned in dictionaries and stored as codes (-1 = blank).
 */

const SMALL_DICTIONARY = 16;

export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  // Consecutive records often repeat a value (a channel, a priority): comparing with the last
  // one is cheaper than hashing a freshly parsed string.
  private lastValue: string | null = null;
  private lastCode = -1;

  codeOf(value: string | null): number {
    if (value === null) return -1;
    if (value === this.lastValue) return this.lastCode;
    // A few values (agents, teams, channels): comparing strings beats hashing a new one.
    if (this.values.length <= SMALL_DICTIONARY) {
      const found = this.values.indexOf(value);
      if (found >= 0) return this.remember(value, found);
    }
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return this.remember(value, code);
  }

  private remember(value: string, code: number): number {
    this.lastValue = value;
    this.lastCode = code;
    return code;
  }

  valueOf(code: number): string | null {
    return code < 0 ? null : (this.values[code] ?? null);
  }
}

function grow<T extends Float64Array | Int32Array | Int8Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

export type UpsertOutcome = 'added' | 'replaced' | 'kept';

export class TicketStore {
  length = 0;
  /**
   * The end of the data: the latest timestamp (created, first response, solved, closed or updated)
   * of any valid record. An SLA deadline after it has not passed yet.
   */
  latestTimestamp = -Infinity;
  private capacity = 1024;
  private readonly slotOfId = new Map<string, number>();

  readonly id: string[] = [];
  /** Epoch ms; NaN when blank. */
  createdAt = new Float64Array(this.capacity);
  firstResponseAt = new Float64Array(this.capacity);
  /** solved_at, or closed_at when solved_at is blank. */
  resolvedAt = new Float64Array(this.capacity);
  updatedAt = new Float64Array(this.capacity);
  /** Dictionary codes, -1 when blank. */
  status = new Int32Array(this.capacity);
  agent = new Int32Array(this.capacity);
  team = new Int32Array(this.capacity);
  channel = new Int32Array(this.capacity);
  priority = new Int32Array(this.capacity);
  language = new Int32Array(this.capacity);
  customer = new Int32Array(this.capacity);
  tags = new Int32Array(this.capacity);
  /** Satisfaction: -1 no response, 0 unsatisfied, 1 satisfied. */
  satisfaction = new Int8Array(this.capacity);
  /** 0–10, -1 when blank. */
  nps = new Int8Array(this.capacity);
  agentReplies = new Int32Array(this.capacity);
  reopens = new Int32Array(this.capacity);
  /** Seconds; NaN when blank. */
  handleTime = new Float64Array(this.capacity);
  /** Seconds within business hours, as the helpdesk computed them; NaN when blank. */
  businessFirstResponseTime = new Float64Array(this.capacity);
  businessResolutionTime = new Float64Array(this.capacity);
  /** -1 unknown, 0 no, 1 yes. */
  escalated = new Int8Array(this.capacity);
  /** Index of the input file the ticket's winning record came from. */
  sourceFile = new Int32Array(this.capacity);

  readonly dictionaries = {
    status: new Dictionary(),
    agent: new Dictionary(),
    team: new Dictionary(),
    channel: new Dictionary(),
    priority: new Dictionary(),
    language: new Dictionary(),
    customer: new Dictionary(),
    /** Each distinct tags value as written (JSON lists as JSON text); see tagsOf. */
    tags: new Dictionary(),
  };
  private readonly tagLists: string[][] = [];

  /**
   * Adds a ticket, or resolves a duplicate id: the record with the latest `updated_at` wins (a
   * record without `updated_at` counts as older than any with one); on a tie the one read last wins.
   * Returns what happened, and the source file of the record that lost, if any.
   */
  upsert(ticket: ParsedTicket, file: number): { outcome: UpsertOutcome; loserFile: number } {
    this.noteTime(ticket.createdAt);
    this.noteTime(ticket.firstResponseAt);
    this.noteTime(ticket.solvedAt);
    this.noteTime(ticket.closedAt);
    this.noteTime(ticket.updatedAt);
    const existing = this.slotOfId.get(ticket.id);
    if (existing === undefined) {
      const slot = this.length++;
      if (slot === this.capacity) this.resize(Math.ceil(this.capacity * 1.5)); // 1.5×: less slack than doubling at a million tickets
      this.slotOfId.set(ticket.id, slot);
      this.id.push(ticket.id);
      this.write(slot, ticket, file);
      return { outcome: 'added', loserFile: -1 };
    }
    const held = this.updatedAt[existing]!;
    const incoming = ticket.updatedAt;
    const heldWins = !Number.isNaN(held) && (Number.isNaN(incoming) || held > incoming);
    if (heldWins) return { outcome: 'kept', loserFile: file };
    const loserFile = this.sourceFile[existing]!;
    this.write(existing, ticket, file);
    return { outcome: 'replaced', loserFile };
  }

  /** NaN (blank) never counts: comparisons with NaN are false. */
  private noteTime(at: number): void {
    if (at > this.latestTimestamp) this.latestTimestamp = at;
  }

  tagsOf(slot: number): readonly string[] {
    return this.tagListOf(this.tags[slot]!);
  }

  /** The tags of a tag-list code (see the tags dictionary). */
  tagListOf(code: number): readonly string[] {
    return code < 0 ? [] : this.tagLists[code]!;
  }

  private write(slot: number, t: ParsedTicket, file: number): void {
    const d = this.dictionaries;
    this.createdAt[slot] = t.createdAt;
    this.firstResponseAt[slot] = t.firstResponseAt;
    this.resolvedAt[slot] = Number.isNaN(t.solvedAt) ? t.closedAt : t.solvedAt;
    this.updatedAt[slot] = t.updatedAt;
    this.status[slot] = d.status.codeOf(t.status);
    this.agent[slot] = d.agent.codeOf(t.agent);
    this.team[slot] = d.team.codeOf(t.team);
    this.channel[slot] = d.channel.codeOf(t.channel);
    this.priority[slot] = d.priority.codeOf(t.priority);
    this.language[slot] = d.language.codeOf(t.language);
    this.customer[slot] = d.customer.codeOf(t.customer);
    this.tags[slot] = this.tagListCode(t.tags);
    this.satisfaction[slot] = t.satisfaction;
    this.nps[slot] = t.nps;
    this.agentReplies[slot] = t.agentReplies;
    this.reopens[slot] = t.reopens;
    this.handleTime[slot] = t.handleTime;
    this.businessFirstResponseTime[slot] = t.businessFirstResponseTime;
    this.businessResolutionTime[slot] = t.businessResolutionTime;
    this.escalated[slot] = t.escalated;
    this.sourceFile[slot] = file;
  }

  /** Interns a tags value by its text as written, so a list is split only the first time it is seen. */
  private tagListCode(tags: string | string[] | null): number {
    if (tags === null) return -1;
    const code = this.dictionaries.tags.codeOf(typeof tags === 'string' ? tags : JSON.stringify(tags));
    if (code === this.tagLists.length) this.tagLists.push(tagList(tags));
    return code;
  }

  private resize(capacity: number): void {
    this.capacity = capacity;
    this.createdAt = grow(this.createdAt, capacity);
    this.firstResponseAt = grow(this.firstResponseAt, capacity);
    this.resolvedAt = grow(this.resolvedAt, capacity);
    this.updatedAt = grow(this.updatedAt, capacity);
    this.status = grow(this.status, capacity);
    this.agent = grow(this.agent, capacity);
    this.team = grow(this.team, capacity);
    this.channel = grow(this.channel, capacity);
    this.priority = grow(this.priority, capacity);
    this.language = grow(this.language, capacity);
    this.customer = grow(this.customer, capacity);
    this.tags = grow(this.tags, capacity);
    this.satisfaction = grow(this.satisfaction, capacity);
    this.nps = grow(this.nps, capacity);
    this.agentReplies = grow(this.agentReplies, capacity);
    this.reopens = grow(this.reopens, capacity);
    this.handleTime = grow(this.handleTime, capacity);
    this.businessFirstResponseTime = grow(this.businessFirstResponseTime, capacity);
    this.businessResolutionTime = grow(this.businessResolutionTime, capacity);
    this.escalated = grow(this.escalated, capacity);
    this.sourceFile = grow(this.sourceFile, capacity);
  }
}
