import * as path from 'node:path';
import { parseDotenv, readTextFileOrUndefined } from '../requestFile/dotenv';
import type { EnvLookup } from './expandEnv';

/**
 * The environment thredd.json's `${env:NAME}` reads: the process environment, then the `.env` beside
 * thredd.json for names it lacks. `thredd sandbox init` keeps generated values there (the client secret,
 * the Signing certificate's KID), git-ignored, so thredd.json itself stays unchanged and committable.
 */
export function envWithDotenvBeside(configFile: string, env: EnvLookup): EnvLookup {
  const text = readTextFileOrUndefined(path.join(path.dirname(configFile), '.env'));
  return text === undefined ? env : { ...parseDotenv(text), ...definedOnly(env) };
}

/** An env entry set to undefined must not hide the .env value. */
function definedOnly(env: EnvLookup): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value;
  return result;
}
