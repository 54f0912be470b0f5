/**
 * A real Jekyll archive, unchanged: a copy of ../shared/corpora/jekyll-nullprogram kept in
 * the repository (public domain, its UNLICENSE and SOURCE.txt beside it), so the suite runs
 * on a clone with nothing beside it.
 */
export const JEKYLL_CORPUS = 'tests/fixtures/corpora/jekyll-nullprogram';
