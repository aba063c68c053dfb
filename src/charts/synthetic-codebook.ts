/**
 * A deterministic, made-up codebook of any size, for testing that the charts stay legible far
 * beyond the bundled study (300 codes and more). Same arguments, same codebook.
 */
import type { MapTheme } from './theme-map-layout.ts';

const WORDS = (
  'trust workload safety training policy empathy doubt burnout consent privacy equity error time ' +
  'judgement support liability cost language culture patients colleagues leadership oversight accuracy ' +
  'documentation confidence stress deskilling validation infrastructure connectivity procurement regulation ' +
  'accountability transparency rollout design'
).split(' ');
const COLOURS = ['#0072B2', '#009E73', '#D55E00', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

/** Park–Miller random numbers from a seed: reproducible without a dependency. */
function random(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/**
 * `codes` codes spread over `themes` themes of 3 to 6 subthemes each, labels of 1 to 6 words,
 * counts skewed like real coding (many small codes, a few large ones).
 */
export function syntheticCodebook(codes: number, themes = 8, seed = 7, participants = 22): MapTheme[] {
  const rand = random(seed);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const label = (min: number, max: number) => {
    const text = Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, pick).join(' ');
    return text[0].toUpperCase() + text.slice(1);
  };
  const count = () => {
    const excerpts = 1 + Math.floor(rand() ** 2.5 * 40);
    return { excerpts, participants: Math.min(participants, 1 + Math.floor(excerpts * (0.5 + rand() * 0.5))) };
  };
  const subthemeCounts = Array.from({ length: themes }, () => 3 + Math.floor(rand() * 4));
  const slots = subthemeCounts.reduce((a, b) => a + b, 0);
  let made = 0;
  let slot = 0;
  return subthemeCounts
    .map((subs, t) => ({
      id: `t${t + 1}`,
      label: label(2, 6),
      colour: COLOURS[t % COLOURS.length],
      count: { participants, excerpts: 0 },
      subthemes: Array.from({ length: subs }, (_, s) => {
        slot++;
        const n = Math.round((codes * slot) / slots) - made;
        made += n;
        return {
          id: `t${t + 1}-s${s + 1}`,
          label: label(1, 5),
          count: { participants, excerpts: 0 },
          codes: Array.from({ length: n }, (_, c) => ({
            id: `t${t + 1}-s${s + 1}-c${c + 1}`,
            label: label(1, 6),
            count: count(),
          })),
        };
      }),
    }))
    .map((theme) => withTotals(theme));
}

/** Fills theme and subtheme excerpt counts with the sum of their codes (an upper bound, as in real data). */
function withTotals(theme: MapTheme): MapTheme {
  const sum = (list: { count: { excerpts: number } }[]) => list.reduce((n, x) => n + x.count.excerpts, 0);
  const subthemes = theme.subthemes.map((s) => ({ ...s, count: { ...s.count, excerpts: sum(s.codes) } }));
  return { ...theme, subthemes, count: { ...theme.count, excerpts: sum(subthemes) } };
}
