import { ErrorScreen } from '../components/ErrorScreen';

export function NotFound() {
  return (
    <ErrorScreen title="No page here">
      <p>This address does not match any essay, tag or theme. It may have been renamed.</p>
    </ErrorScreen>
  );
}
