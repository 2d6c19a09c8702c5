import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDotenv } from '../../../src/core/requestFile/dotenv';

describe('parseDotenv', () => {
  it('reads quotes, export, comments and empty values as node --env-file does', () => {
    const text = [
      '# sandbox credentials',
      'export CLIENT_ID=abc',
      'SECRET="s3cr et"',
      "SINGLE='x#y' # trailing",
      'EMPTY=',
      'MULTI="a\\nb"',
      '',
    ].join('\n');
    assert.deepEqual(parseDotenv(text), { CLIENT_ID: 'abc', SECRET: 's3cr et', SINGLE: 'x#y', EMPTY: '', MULTI: 'a\nb' });
  });

  it('ignores lines that are not assignments', () => {
    assert.deepEqual(parseDotenv('not an assignment\n=no-name\nOK=1'), { OK: '1' });
  });
});
