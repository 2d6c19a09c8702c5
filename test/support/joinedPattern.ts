/**
 * One regular expression from several literal parts, so a long expected message stays within the line
 * width and each part stays a readable regex literal. Split only between whole tokens (never inside a group,
 * a class or an escape); the flags are the first part's.
 */
export function joinedPattern(...parts: RegExp[]): RegExp {
  return new RegExp(parts.map((part) => part.source).join(''), parts[0]?.flags);
}
