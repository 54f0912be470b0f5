import { PageMeta } from '../components/PageMeta';
import { BrowseView } from './browseView';
import { useLibrary } from './rootData';

export function Home() {
  const library = useLibrary();
  const count = library.index.essays.length;
  return (
    <>
      <PageMeta description={`${count} essays to filter, search and read, online or off.`} />
      <h1 className="page-title">All essays</h1>
      <BrowseView library={library} label="All essays" />
    </>
  );
}
