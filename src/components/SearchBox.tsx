import { forwardRef, useId } from 'react';

/** The search field in the header. The route decides what typing does. */
export const SearchBox = forwardRef<
  HTMLInputElement,
  {
    value: string;
    onChange: (q: string) => void;
    onSubmit: () => void;
    onFocus?: () => void;
    count: number;
  }
>(function SearchBox({ value, onChange, onSubmit, onFocus, count }, ref) {
  const id = useId();
  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Search essays
      </label>
      <input
        ref={ref}
        id={id}
        type="search"
        name="q"
        value={value}
        placeholder={`Search ${count.toLocaleString('en')} essays`}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/ Control+K Meta+K"
        onFocus={onFocus}
        onChange={(e) => onChange(e.target.value)}
      />
      <kbd className="search-hint" aria-hidden="true">
        /
      </kbd>
    </form>
  );
});
