import { data, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { EssayMeta } from '../components/EssayMeta';
import { Markdown } from '../components/Markdown';
import { PageMeta } from '../components/PageMeta';
import { TermLink } from '../components/TermLink';
import { getEssay, loadBody, loadLibrary } from '../data/essays';
import { paths } from '../paths';

/** The reader. Loaded lazily, so the list page never pays for the markdown renderer. */

export async function loader({ params }: LoaderFunctionArgs) {
  const { index } = await loadLibrary();
  const essay = getEssay(index, params.slug ?? '');
  if (!essay) throw data(null, { status: 404 });
  const body = await loadBody(essay);
  return { essay, body };
}

export function Component() {
  const { essay, body } = useLoaderData<typeof loader>();
  return (
    <article className="reader" lang="en">
      <PageMeta title={essay.title} description={essay.description} />
      <header className="reader-header">
        <h1 className="reader-title">{essay.title}</h1>
        <EssayMeta essay={essay} showWords />
        <ul className="terms" aria-label="Theme and tags">
          <li>
            <TermLink kind="theme" value={essay.theme} to={paths.theme.build(essay.theme)} />
          </li>
          {essay.tags
            .filter((t) => t.toLowerCase() !== essay.theme.toLowerCase())
            .map((tag) => (
              <li key={tag}>
                <TermLink kind="tag" value={tag} to={paths.tag.build(tag)} />
              </li>
            ))}
        </ul>
      </header>
      <div className="prose">
        <Markdown markdown={body.markdown} />
      </div>
    </article>
  );
}
