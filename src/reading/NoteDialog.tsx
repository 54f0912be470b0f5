import { useEffect, useId, useRef, useState } from 'react';
import type { Annotation } from './annotations';

/** A modal for a highlight's note: focus stays inside, Esc or Cancel leaves it unchanged. */
export function NoteDialog({
  annotation,
  onSave,
  onClose,
}: {
  annotation: Annotation;
  onSave: (note: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState(annotation.note);
  const id = useId();
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="note-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={(e) => {
        e.stopPropagation();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(note.trim());
        }}
      >
        <h2 id={`${id}-title`}>Note</h2>
        <blockquote className="note-quote">{annotation.anchor.exact}</blockquote>
        <label htmlFor={`${id}-text`}>Your note</label>
        <textarea
          id={`${id}-text`}
          value={note}
          rows={4}
          autoFocus
          onChange={(e) => setNote(e.target.value)}
        />
        <p className="note-actions">
          <button type="submit">Save the note</button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </p>
      </form>
    </dialog>
  );
}
