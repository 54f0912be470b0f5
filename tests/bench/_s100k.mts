import { benchSearchNode } from '/work/main/tests/bench/search.ts';
import { printVerdicts } from '/work/main/tests/bench/stats.ts';
await benchSearchNode([100000]);
printVerdicts();
