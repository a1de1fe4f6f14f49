import type { TicketStore } from '../tickets/store.js';
import type { Accumulator, Metric, NpsValue } from './types.js';

export const nps: Metric<NpsValue> = {
  meta: {
    id: 'nps',
    title: 'Net Promoter Score',
    short: 'NPS',
    unit: 'nps',
    section: 'Satisfaction',
    placement: 'satisfaction',
    needs: [['nps']],
    higherIsBetter: true,
    definition:
      'Over the nps responses, placed by resolved_at (by created_at when never resolved): promoters score 9–10, passives 7–8, detractors 0–6; value = 100 × (promoters − detractors) / responses, from −100 to 100.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-03T09:00:00Z', nps: 10 },
        { id: 'B', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-04T09:00:00Z', nps: 9 },
        { id: 'C', created_at: '2026-03-05T09:00:00Z', nps: 7 },
        { id: 'D', created_at: '2026-03-05T09:00:00Z', solved_at: '2026-03-06T09:00:00Z', nps: 3 },
        { id: 'E', created_at: '2026-03-06T09:00:00Z', solved_at: '2026-03-10T09:00:00Z', nps: 0 },
      ],
      result: { responses: 4, promoters: 2, passives: 1, detractors: 1, value: 25 },
      explanation:
        'A and B are promoters, C (never resolved, so placed by its creation) a passive, D a detractor. E was resolved after the week, so its answer counts then: 100 × (2 − 1) / 4 = 25.',
    },
  },
  create: (): Accumulator<NpsValue> => new Nps(),
};

/** Promoters (9–10), passives (7–8) and detractors (0–6) counted. */
class Nps implements Accumulator<NpsValue> {
  private promoters = 0;
  private passives = 0;
  private detractors = 0;
  add(tickets: TicketStore, slots: Int32Array, from: number, to: number): void {
    const scores = tickets.nps;
    for (let i = from; i < to; i++) {
      const score = scores[slots[i]!]!;
      if (score >= 9) this.promoters++;
      else if (score >= 7) this.passives++;
      else if (score >= 0) this.detractors++;
    }
  }
  fresh(): Nps {
    return new Nps();
  }
  merge(other: Nps): void {
    this.promoters += other.promoters;
    this.passives += other.passives;
    this.detractors += other.detractors;
  }
  result(): NpsValue {
    const { promoters, passives, detractors } = this;
    const responses = promoters + passives + detractors;
    const value = responses === 0 ? null : (100 * (promoters - detractors)) / responses;
    return { responses, promoters, passives, detractors, value };
  }
}
