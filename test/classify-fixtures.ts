import { createRng } from '../src/core/classify/rng.js';

const THEMES: Record<string, string[]> = {
  billing: ['charged twice', 'refund still missing', 'invoice is wrong', 'double charge on my card', 'overcharged this month'],
  delivery: ['package arrived late', 'parcel never arrived', 'courier lost my order', 'delivery took two weeks', 'tracking shows nothing'],
  login: ['cannot log in', 'password reset link broken', 'locked out of my account', 'two factor code never comes', 'login page errors'],
};
const OPENERS = ['honestly', 'hi,', 'again', 'so', 'ugh', 'hello team,'];
const CLOSERS = ['please help', 'very annoying', 'fix this', 'what now?', 'thanks', ''];

/** A small labelled set: each text names one theme in varied words, deterministic from the seed. */
export function syntheticRows(perTheme: number, seed = 1): { text: string; label: string }[] {
  const random = createRng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rows: { text: string; label: string }[] = [];
  for (let i = 0; i < perTheme; i++) {
    for (const [label, phrases] of Object.entries(THEMES)) rows.push({ text: `${pick(OPENERS)} ${pick(phrases)} ${pick(CLOSERS)}`.trim(), label });
  }
  return rows;
}

/** Texts naming two themes at once, for multi-label training. */
export function syntheticMultiLabelRows(count: number, seed = 2): { text: string; labels: string[] }[] {
  const random = createRng(seed);
  const names = Object.keys(THEMES);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, () => {
    const first = pick(names);
    const both = random() < 0.4;
    const second = both ? pick(names.filter((n) => n !== first)) : undefined;
    const parts = [pick(THEMES[first]!), ...(second ? ['and', pick(THEMES[second]!)] : [])];
    return { text: `${pick(OPENERS)} ${parts.join(' ')}`, labels: second ? [first, second] : [first] };
  });
}
