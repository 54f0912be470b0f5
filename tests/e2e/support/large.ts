/** The synthetic archive the scale tests read (tests/e2e/scale.spec.ts): ten summary chunks. */
export const LARGE_COUNT = 200;
