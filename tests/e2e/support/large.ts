/**
 * The synthetic archive the scale tests read (tests/e2e/scale.spec.ts): six summary chunks,
 * several search shards. Small enough that saving it offline (one request per file until
 * bodies are saved in packs) stays well within a test's time beside a second copy of the suite.
 */
export const LARGE_COUNT = 120;
