import type { Annotation } from './annotations';
import type { Placed } from './useAnnotations';

/**
 * The essay's highlights under it: those found in the text, each to show, edit or delete,
 * and those whose words are gone (detached), kept with their notes.
 */
export function AnnotationList({
  placed,
  onShow,
  onEdit,
  onDelete,
}: {
  placed: readonly Placed[];
  onShow: (annotation: Annotation) => void;
  onEdit: (annotation: Annotation) => void;
  onDelete: (annotation: Annotation) => void;
}) {
  if (placed.length === 0) return null;
  const found = placed.filter((p) => p.range);
  const detached = placed.filter((p) => !p.range);
  return (
    <section className="essay-annotations" aria-labelledby="your-highlights">
      <h2 id="your-highlights">Your highlights</h2>
      <ul className="annotation-list">
        {found.map(({ annotation }) => (
          <AnnotationItem
            key={annotation.id}
            annotation={annotation}
            onShow={() => onShow(annotation)}
            onEdit={() => onEdit(annotation)}
            onDelete={() => onDelete(annotation)}
          />
        ))}
      </ul>
      {detached.length > 0 ? (
        <>
          <h3>Not found in the essay as it is now</h3>
          <p className="muted">
            The words these were made on have changed. They are kept here, with their notes.
          </p>
          <ul className="annotation-list detached">
            {detached.map(({ annotation }) => (
              <AnnotationItem
                key={annotation.id}
                annotation={annotation}
                onEdit={() => onEdit(annotation)}
                onDelete={() => onDelete(annotation)}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function AnnotationItem({
  annotation,
  onShow,
  onEdit,
  onDelete,
}: {
  annotation: Annotation;
  onShow?: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <li className={`annotation annotation-${annotation.colour}`}>
      <blockquote>{annotation.anchor.exact}</blockquote>
      {annotation.note ? <p className="annotation-note">{annotation.note}</p> : null}
      <p className="annotation-actions">
        {onShow ? (
          <button type="button" className="link-button" onClick={onShow}>
            Show in the essay
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onEdit}>
          {annotation.note ? 'Edit the note' : 'Add a note'}
        </button>
        <button type="button" className="link-button" onClick={onDelete}>
          Delete
        </button>
      </p>
    </li>
  );
}
