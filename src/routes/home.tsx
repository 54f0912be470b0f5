import { useLoaderData } from 'react-router';
import { EssayCard } from '../components/EssayCard';
import { PageMeta } from '../components/PageMeta';
import { loadIndex } from '../data/essays';

export async function loader() {
  const index = await loadIndex();
  return { essays: index.essays };
}

export function Home() {
  const { essays } = useLoaderData<typeof loader>();
  return (
    <>
      <PageMeta description={`${essays.length} essays to browse, search and read offline.`} />
      <h1 className="page-title">All essays</h1>
      <p className="page-lead">{essays.length} essays, newest first.</p>
      <div className="essay-list">
        {essays.map((essay) => (
          <EssayCard key={essay.slug} essay={essay} />
        ))}
      </div>
    </>
  );
}
