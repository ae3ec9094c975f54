// Closest-name suggestions for misspelt keys, operations and actions.
import { distance } from "fastest-levenshtein";

/** Returns up to `max` candidates close to `word` (case-insensitive), best first. */
export const didYouMean = (word: string, candidates: readonly string[], max = 3): string[] => {
  // Names are short; a huge input (fuzzing, a pasted document) is no misspelling and would cost O(n·m) time.
  if (word.length > 128) return [];
  const w = word.toLowerCase();
  const scored = candidates
    .map((c) => {
      const lc = c.toLowerCase();
      const d = distance(w, lc);
      // Substring matches count as close (e.g. "clusters" → "ListClusters").
      const sub = lc.includes(w) || (w.length > 3 && w.includes(lc));
      return { c, score: sub ? Math.min(d, 1) : d };
    })
    .filter(({ c, score }) => score <= Math.max(2, Math.floor(Math.max(c.length, w.length) / 3)))
    .sort((a, b) => a.score - b.score || a.c.localeCompare(b.c));
  return scored.slice(0, max).map((s) => s.c);
};
