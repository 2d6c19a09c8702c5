/**
 * One copy of each short string that repeats across requests (variable and header names): 10,000 requests using
 * {{host}} and Content-Type then hold two strings, not 20,000 the garbage collector must copy while the parse runs.
 * Bounded, so a file of unique names cannot grow it without end. Only strings V8 copies when slicing (up to 12
 * characters; longer slices point into the whole document) are kept, so no closed document stays in memory through it.
 */
const MAX_ENTRIES = 4096;
const MAX_LENGTH = 12;
const strings = new Map<string, string>();

export function intern(text: string): string {
  if (text.length > MAX_LENGTH) return text;
  const known = strings.get(text);
  if (known !== undefined) return known;
  if (strings.size >= MAX_ENTRIES) strings.clear();
  strings.set(text, text);
  return text;
}
