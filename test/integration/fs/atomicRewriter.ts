// Child process of killMidWrite.test.ts: rewrites TARGET with writeFileAtomic, alternating the contents
// of the two files given after it, until it is killed. Prints one line per completed write.
import * as fs from 'node:fs';
import { writeFileAtomic } from '../../../src/core/fs/safeWrite';

const [target, ...sources] = process.argv.slice(2);
const contents = sources.map((file) => fs.readFileSync(file));

void (async () => {
  for (let round = 0; ; round++) {
    await writeFileAtomic(target, contents[round % contents.length]);
    process.stdout.write(`${round}\n`);
  }
})();
