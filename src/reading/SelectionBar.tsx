import { COLOURS, HIGHLIGHTS_UNAVAILABLE, type Colour } from './annotations';

/**
 * Shown while words are selected: a swatch per colour and "Add a note", or, where the
 * browser will not keep highlights, why not.
 */
export function SelectionBar({
  unavailable,
  onHighlight,
  onNote,
}: {
  unavailable: boolean;
  onHighlight: (colour: Colour) => void;
  onNote: () => void;
}) {
  if (unavailable)
    return (
      <p className="selection-bar selection-bar-note" role="status">
        {HIGHLIGHTS_UNAVAILABLE}
      </p>
    );
  // Keep the selection: a press would otherwise clear it before the click.
  const keepSelection = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="selection-bar" role="toolbar" aria-label="Highlight the selected words">
      {COLOURS.map((colour) => (
        <button
          key={colour}
          type="button"
          className={`swatch swatch-${colour}`}
          aria-label={`Highlight in ${colour}`}
          title={`Highlight in ${colour} (h)`}
          onMouseDown={keepSelection}
          onClick={() => onHighlight(colour)}
        />
      ))}
      <button type="button" onMouseDown={keepSelection} onClick={onNote}>
        Add a note <kbd>n</kbd>
      </button>
    </div>
  );
}
