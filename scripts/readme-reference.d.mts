export function renderReference(pkg: unknown): string;
export function renderDirectives(directives: readonly { key: string; description: string; examples: readonly string[]; fileLevel: boolean }[]): string;
export function updateReadme(readme: string, pkg: unknown, directives: Parameters<typeof renderDirectives>[0]): string;
