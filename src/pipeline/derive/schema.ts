import { z } from 'zod';

/**
 * The one schema for front matter. Types come from it; defaults and coercions live in it.
 * Fields that can be derived from the body are optional here and filled in by `derive.ts`.
 */

const text = (what: string) =>
  z.union([z.string(), z.number().transform(String)], {
    error: (issue) =>
      issue.input === undefined
        ? `${what} is missing`
        : `${what} must be text, not ${describeValue(issue.input)}`,
  });

const count = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a whole number` })
    .int(`${what} must be a whole number`)
    .nonnegative(`${what} cannot be negative`);

const tagList = z.union(
  [
    z.array(
      z.union([z.string(), z.number().transform(String)], { error: 'each tag must be text' }),
    ),
    // One tag (Eleventy's `tags: post`), or `tags: a, b`, a common slip read as a
    // comma-separated list (derive.ts warns).
    z.string().transform((s) => s.split(',')),
  ],
  { error: 'tags must be a list like ["one", "two"]' },
);

/** A list of words, or one (`aliases: old-name`). */
const textList = (what: string) =>
  z.union(
    [
      z.array(z.union([z.string(), z.number().transform(String)])),
      z.string().transform((s) => [s]),
    ],
    {
      error: `${what} must be a list like ["one", "two"]`,
    },
  );

/**
 * Keys are the seed format's names; `derive.ts` first maps each generator's key (pubDate,
 * lastmod, uuid…) to them, by src/pipeline/read/archiveOptions.ts.
 */
export const FrontMatterSchema = z.object({
  title: text('the title').pipe(z.string().trim().min(1, 'the title is empty')),
  date: z.union([z.string(), z.number().transform(String)], {
    error: (issue) =>
      issue.input === undefined ? 'the date is missing' : 'the date must be text like "Thu Mar 14"',
  }),
  updated: z
    .union([z.string(), z.number().transform(String)])
    .optional()
    .catch(undefined),
  categories: textList('categories').optional(),
  draft: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional(),
  aliases: textList('aliases').optional(),
  lang: text('lang').optional(),
  description: text('the description').optional(),
  thread_id: text('thread_id').pipe(z.string().trim().min(1, 'thread_id is empty')).optional(),
  word_count: count('word_count').optional(),
  reading_time: count('reading_time').optional(),
  primary_theme: text('primary_theme').optional(),
  tags: tagList.optional(),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a set of fields';
  return typeof value;
}
