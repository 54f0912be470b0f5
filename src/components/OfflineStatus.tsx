import type { OfflineState } from '../offline/status';

/** Calm, factual offline status for the footer, plus the banners that need attention. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function OfflineStatus({
  state,
  onSaveAll,
}: {
  state: OfflineState;
  /** Saves an archive too large to save without asking (phase `offered`). */
  onSaveAll: () => void;
}) {
  if (!state.supported)
    return (
      <p className="offline-status">This browser cannot keep the archive for offline reading.</p>
    );
  const p = state.progress;
  let text: string;
  if (state.phase === 'offered')
    return (
      <div className="offline-offer">
        <p className="offline-status" role="status" data-phase={state.phase}>
          Essays you open are kept for offline reading.
        </p>
        <button type="button" onClick={onSaveAll}>
          Save all essays for offline reading
          {state.archiveBytes ? ` (${formatBytes(state.archiveBytes)})` : ''}
        </button>
      </div>
    );
  if (state.phase === 'error') text = `Not fully saved for offline: ${state.error}`;
  else if (state.phase === 'partial' && p)
    text = `Saved for offline: ${p.saved.toLocaleString('en')} of ${p.total.toLocaleString('en')} essays · ${p.failed.toLocaleString('en')} ${p.failed === 1 ? 'part' : 'parts'} of the archive could not be fetched and will be tried again on the next visit`;
  else if (state.phase === 'saved' && p) {
    text = `Available offline · ${p.total.toLocaleString('en')} essays${state.usage ? ` · ${formatBytes(state.usage)} stored` : ''}`;
  } else if (p)
    text = `Saving for offline: ${p.saved.toLocaleString('en')} of ${p.total.toLocaleString('en')} essays${p.bytes ? ` (${formatBytes(p.bytes)})` : ''}…`;
  else text = 'Preparing offline reading…';
  return (
    <p className="offline-status" role="status" data-phase={state.phase}>
      {text}
    </p>
  );
}

export function OfflineBanners({ state, onUpdate }: { state: OfflineState; onUpdate: () => void }) {
  return (
    <>
      {state.needRefresh ? (
        <div className="banner banner-update" role="alert">
          New essays available.{' '}
          <button type="button" onClick={onUpdate}>
            Reload
          </button>
        </div>
      ) : null}
      {state.online ? null : (
        <div className="banner banner-offline" role="status">
          You are offline.{' '}
          {state.phase === 'saved'
            ? 'Every essay and search still work.'
            : 'Essays saved so far still open.'}
        </div>
      )}
    </>
  );
}
