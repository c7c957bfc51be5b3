/** Six months of feedback; the spike fills the last two weeks. */
export const WINDOW = {
  from: '2026-05-01T00:00:00Z',
  to: '2026-11-01T00:00:00Z',
} as const;

export const SPIKE = {
  theme: 'app.crash',
  factor: 4,
  from: '2026-10-18T00:00:00Z',
} as const;

export const DAY_MS = 86_400_000;
