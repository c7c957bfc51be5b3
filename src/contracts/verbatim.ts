import { z } from 'zod';

/** Where a verbatim came from; drives facets and transcript parsing. */
export const Channel = z.enum(['call', 'chat', 'survey', 'email', 'review', 'social', 'other']);
export type Channel = z.infer<typeof Channel>;

export const Speaker = z.enum(['customer', 'agent', 'bot', 'system']);
export type Speaker = z.infer<typeof Speaker>;

export const Turn = z.object({
  speaker: Speaker,
  text: z.string(),
  at: z.string().optional(),
});
export type Turn = z.infer<typeof Turn>;

export const ScoreType = z.enum(['nps', 'csat', 'ces', 'rating']);
export type ScoreType = z.infer<typeof ScoreType>;

export const Score = z.object({
  type: ScoreType,
  value: z.number().finite(),
  /** Top of the scale (nps 10, csat often 5, rating 5); optional for nps. */
  scale: z.number().positive().optional(),
});
export type Score = z.infer<typeof Score>;

export const Customer = z.object({
  id: z.string().optional(),
  segment: z.string().optional(),
  /** Lifetime or annual value, in the source's currency. */
  value: z.number().finite().nonnegative().optional(),
});
export type Customer = z.infer<typeof Customer>;

export const Verbatim = z
  .object({
    id: z.string().min(1),
    channel: Channel,
    text: z.string().optional(),
    turns: z.array(Turn).optional(),
    /** ISO 8601 timestamp; absent when the row's date could not be read (an undated verbatim). */
    createdAt: z.string().datetime({ offset: true }).optional(),
    score: Score.optional(),
    customer: Customer.optional(),
    attributes: z.record(z.string(), z.string()).optional(),
  })
  .refine((v) => (v.text ?? '').trim().length > 0 || (v.turns ?? []).some((t) => t.text.trim().length > 0), {
    message: 'a verbatim needs a non-empty text or at least one non-empty turn',
    path: ['text'],
  });
export type Verbatim = z.infer<typeof Verbatim>;
