import type { Channel, Score, Verbatim } from '../../src/contracts/verbatim.js';
import { AGENT_NAMES, FIRST_NAMES } from './catalogue.js';
import { isoSeconds, renderCallTranscript, renderChatTurns } from './conversation.js';
import { pickCustomer, type CustomerProfile } from './customers.js';
import { latentScore, toFivePoint, toNps } from './drivers.js';
import type { PiiItem } from './noise.js';
import type { MentionPlanner } from './plan.js';
import type { Rng } from './prng.js';
import { planSpeech, type MentionText } from './speech.js';
import type { Mention } from './theme-ids.js';

/** Which score a source attaches: survey exports carry NPS, chats a CSAT, reviews a rating. */
export type ScorePolicy = (rng: Rng, channel: Channel, latent: number) => Score | undefined;

export const nps = (latent: number): Score => ({ type: 'nps', value: toNps(latent), scale: 10 });
const csat = (latent: number): Score => ({ type: 'csat', value: toFivePoint(latent), scale: 5 });

/** Mixed exports: surveys mostly NPS, some CSAT; a third of calls get a post-call NPS. */
export const mixedScores: ScorePolicy = (rng, channel, latent) => {
  switch (channel) {
    case 'survey':
      return rng.chance(0.8) ? nps(latent) : csat(latent);
    case 'call':
      return rng.chance(0.3) ? nps(latent) : undefined;
    case 'chat':
      return rng.chance(0.5) ? csat(latent) : undefined;
    case 'review':
      return { type: 'rating', value: toFivePoint(latent), scale: 5 };
    default:
      return undefined;
  }
};

export interface RecordContext {
  customers: readonly CustomerProfile[];
  planner: MentionPlanner;
  scores: ScorePolicy;
}

export interface GeneratedRecord {
  /** Generated rows are always dated (a broken date is planted by corrupt.ts). */
  verbatim: Verbatim & { createdAt: string };
  mentions: Mention[];
  mentionTexts: MentionText[];
  pii: PiiItem[];
}

function emailText(rng: Rng, utterances: readonly string[]): string {
  const name = rng.pick(FIRST_NAMES);
  const signature = name.charAt(0).toUpperCase() + name.slice(1);
  return `${rng.pick(['Hi,', 'Hello,', 'Dear Lumo team,'])}\n\n${utterances.join(' ')}\n\n${rng.pick(['Regards,', 'Thanks,', 'Best,'])}\n${signature}`;
}

export function generateRecord(rng: Rng, ctx: RecordContext, id: string, channel: Channel, createdAtMs: number): GeneratedRecord {
  const customer = pickCustomer(rng, ctx.customers);
  const product = rng.chance(0.7) ? customer.product : undefined;
  const mentions = ctx.planner.plan(rng, createdAtMs);
  const agent = rng.pick(AGENT_NAMES);
  const speech = planSpeech(rng, mentions, product === undefined ? { agent } : { agent, product });
  const latent = latentScore(rng, mentions);
  const score = ctx.scores(rng, channel, latent);
  const createdAt = isoSeconds(createdAtMs);

  const body: Pick<Verbatim, 'text' | 'turns'> =
    channel === 'chat'
      ? { turns: renderChatTurns(rng, speech.utterances, agent, createdAtMs) }
      : channel === 'call'
        ? { text: renderCallTranscript(rng, speech.utterances, agent) }
        : channel === 'email'
          ? { text: emailText(rng, speech.utterances) }
          : { text: speech.utterances.join(' ') };

  const verbatim: GeneratedRecord['verbatim'] = {
    id,
    channel,
    ...body,
    createdAt,
    ...(score === undefined ? {} : { score }),
    customer: { id: customer.id, segment: customer.segment, value: customer.value },
    attributes: { region: customer.region, product: product ?? customer.product },
  };
  return { verbatim, mentions, mentionTexts: speech.mentionTexts, pii: speech.pii };
}
