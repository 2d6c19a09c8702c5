import type * as ApiEditingModule from '../../core/apiEditing';

export interface ApiEditing {
  api: typeof ApiEditingModule;
  /** The one JSON language service for request bodies, configured with every operation's schema. */
  bodies: ApiEditingModule.BodyLanguage;
}

let loading: Promise<ApiEditing> | undefined;

/**
 * The catalogue, vscode-json-languageservice and the editing support over them, required from dist/lazy/ by the
 * first feature that needs them (esbuild.js, lazyModules): activation compiles none of them.
 */
export function loadApiEditing(): Promise<ApiEditing> {
  return (loading ??= import('../../core/apiEditing').then((api) => ({ api, bodies: new api.BodyLanguage() })));
}
