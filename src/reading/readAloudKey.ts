/**
 * Session flag: an essay was read aloud to its end with "go on" chosen, so the next essay
 * starts reading by itself. Its own file so the reader can check it without loading the
 * read-aloud chunk.
 */
export const READ_ALOUD_CONTINUE = 'essays:read-aloud-continue';
