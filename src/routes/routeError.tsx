import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorScreen } from '../components/ErrorScreen';
import { DataLoadError } from '../data/essays';
import { useRenderedMark } from '../hooks/useRenderedMark';
import { NotFound } from './notFound';

/** Every error a route can throw ends here, as a page that explains itself. */
export function RouteError() {
  const error = useRouteError();
  useRenderedMark();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  if (error instanceof DataLoadError) {
    return (
      <ErrorScreen title="This page could not load">
        <p>{error.message} Check your connection and reload the page.</p>
      </ErrorScreen>
    );
  }
  return (
    <ErrorScreen title="Something went wrong">
      <p>
        The page hit an unexpected problem. Reloading usually fixes it; your reading data is safe.
      </p>
    </ErrorScreen>
  );
}
