export function renderReference(pkg: unknown): string;
export interface DirectiveRow {
  key: string;
  description: string;
  examples: readonly string[];
  fileLevel: boolean;
}
export function renderDirectives(directives: readonly DirectiveRow[]): string;
export function updateReadme(readme: string, pkg: unknown, directives: readonly DirectiveRow[]): string;
