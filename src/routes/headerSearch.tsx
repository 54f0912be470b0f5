import { isTypingTarget } from '../lib/keyboard';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { SearchBox } from '../components/SearchBox';
import { paths } from '../paths';
import { warmUpSearch } from '../search/client';
import { takeTypedBeforeApp } from '../lib/typedBeforeApp';

/**
 * The header's search box. On the search page it edits `?q=` in place (replacing history,
 * so Back leaves search instead of undoing letters); elsewhere the first letter opens the
 * search page. `/` and Ctrl/Cmd-K focus it from anywhere.
 */
export function HeaderSearch({ count }: { count: number }) {
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params, setParams] = useSearchParams();
  const onSearch = pathname === paths.search.pattern;
  const urlValue = onSearch ? (params.get('q') ?? '') : '';
  // What the reader typed, ahead of the URL while navigation catches up; the URL wins when it
  // changes for another reason (Back, a "did you mean" link, leaving search).
  const [draft, setDraft] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  // Values this box sent to the URL, newest last. When typing outruns the router, the URL
  // arrives at values typed a few letters ago; those must not pull the box back.
  const [pushed, setPushed] = useState<readonly string[]>([]);
  const [wasOnSearch, setWasOnSearch] = useState(onSearch);
  if (urlValue !== seen) {
    setSeen(urlValue);
    if (!pushed.includes(urlValue)) setDraft(urlValue);
  }
  if (wasOnSearch !== onSearch) {
    setWasOnSearch(onSearch);
    if (!onSearch) setPushed([]);
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const typing = isTypingTarget(e.target);
      const slash = e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !e.altKey;
      const k = e.key.toLowerCase() === 'k' && (e.metaKey || e.ctrlKey) && !e.altKey;
      if (!slash && !k) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const change = (q: string) => {
    setDraft(q);
    const arriving = pushed.length > 0 && !onSearch;
    setPushed((list) => [...list.slice(-30), q]);
    if (onSearch) {
      const next = new URLSearchParams(params);
      next.set('q', q);
      next.delete('page');
      // Synchronous, like the list's filters: a transition per keystroke could leave the page
      // rendering an older query while the URL already holds the newest.
      setParams(next, { replace: true, preventScrollReset: true, flushSync: true });
    } else {
      // The first letter opens the search page; letters typed on the way replace that entry.
      navigate(paths.search.build(q), { replace: arriving, flushSync: true });
    }
  };
  // Letters typed before the app started (main.tsx kept them): searched as if typed now.
  useEffect(() => {
    const early = takeTypedBeforeApp();
    // After the first render, not in it: hydration must render the box as the server did.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (early !== '' && early !== urlValue) change(early);
    // Once, on the first render: `change` and `urlValue` are that render's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <SearchBox
      ref={input}
      value={draft}
      count={count}
      onChange={change}
      onFocus={warmUpSearch}
      onSubmit={() => !onSearch && navigate(paths.search.build(draft))}
    />
  );
}
