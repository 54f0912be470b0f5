/**
 * `npm run corpus -- --count 10000 --out /tmp/c10k [--seed 1]`: writes a synthetic archive.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpusLib';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.out) {
  console.error('usage: npm run corpus -- --count 10000 --out DIR [--seed 1]');
  process.exit(2);
}
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--count must be a positive whole number, not ${values.count}`);
  process.exit(2);
}
const names = writeCorpus({ count, out: values.out, seed: Number(values.seed) });
console.log(`wrote ${names.length} essays to ${path.resolve(values.out)}`);
