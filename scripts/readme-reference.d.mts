export function renderReference(pkg: unknown): string;
export function updateReadme(readme: string, pkg: unknown): string;
