/** Per-page title and description; React 19 hoists these into <head>. */
export const SITE_NAME = 'Essays';

export function PageMeta({ title, description }: { title?: string; description?: string }) {
  return (
    <>
      <title>{title ? `${title} · ${SITE_NAME}` : SITE_NAME}</title>
      {description ? <meta name="description" content={description} /> : null}
    </>
  );
}
