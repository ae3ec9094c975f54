// Short prefixes of values that may be huge, so an error never echoes more than a glance of what was sent.

/** Longest run of non-blank characters an error keeps as is (ARNs, URLs and JSON examples fit). */
const LONG_TOKEN = 400;

/**
 * `text` when it is at most `max` characters, else its first `max` characters and how many were left out.
 * Every long run of non-blank characters inside it (a pasted document, a 120 kB operation name) is cut the same way
 * first, so a bad value shows as a prefix even in the middle of a sentence.
 */
export const clip = (text: string, max = 120): string => {
  const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n)}…[${s.length - n} more chars]`);
  if (!/\s/.test(text)) return cut(text, max);
  const tokens = text.length > LONG_TOKEN ? text.replace(/\S{401,}/g, (t) => cut(t, 120)) : text;
  return cut(tokens, max);
};
