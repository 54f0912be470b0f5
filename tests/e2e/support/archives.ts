/** A real Jekyll archive, unchanged (../shared/corpora/README.md): CI has the same path. */
export const JEKYLL_CORPUS = '../shared/corpora/jekyll-nullprogram';
