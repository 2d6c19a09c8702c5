/** The closest candidate to `word` by edit distance, if it is close enough to be a likely typo. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  // A name cut short ("sandbox" for "sandbox-tls") is a likely slip even when many characters differ.
  const extended = candidates.find((candidate) => candidate.toLowerCase().startsWith(word.toLowerCase()));
  if (word.length >= 3 && extended) return extended;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** "did you mean "x"?" or a list of what is allowed, for error messages. */
export function suggestionText(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  if (match) return `did you mean "${match}"?`;
  return candidates.length ? `expected one of: ${candidates.join(', ')}.` : 'none are defined yet.';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
