import type { Dialect } from '../dialect/dialect.js';

/** A vendor's export, written down once: how to recognise it and how to read it. */
export interface Preset {
  name: string;
  title: string;
  /** Headers that all appear in this vendor's export (ignoring case): how it is recognised. */
  signature: readonly string[];
  dialect: Dialect;
  /** What a lead should know about this export (shown by `support-metrics presets`, in docs). */
  notes: string;
}
