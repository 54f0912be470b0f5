import { ContinueReading } from '../components/ContinueReading';
import { PageMeta } from '../components/PageMeta';
import { getEssayByThread } from '../data/essays';
import { useProgress } from '../hooks/useProgress';
import { continueReading } from '../lib/progress';
import { BrowseView } from './browseView';
import { useLibrary } from './rootData';

export function Home() {
  const library = useLibrary();
  const progress = useProgress();
  const count = library.index.essays.length;
  const current = continueReading(progress);
  const currentEssay = current ? getEssayByThread(library.index, current.id) : undefined;
  return (
    <>
      <PageMeta description={`${count} essays to filter, search and read, online or off.`} />
      <h1 className="page-title">All essays</h1>
      {current && currentEssay ? (
        <ContinueReading essay={currentEssay} position={current.entry.position} />
      ) : null}
      <BrowseView library={library} label="All essays" />
    </>
  );
}
