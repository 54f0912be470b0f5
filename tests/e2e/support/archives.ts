/**
 * A real Jekyll archive, unchanged: the project's shared jekyll-nullprogram corpus, copied into
 * the repository (public domain, its UNLICENSE and SOURCE.txt beside it), so the suite runs
 * on a clone with nothing beside it.
 */
export const JEKYLL_CORPUS = 'tests/fixtures/corpora/jekyll-nullprogram';
