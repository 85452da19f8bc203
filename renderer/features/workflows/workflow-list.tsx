import { useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import type { WorkflowSummary } from '../../../shared/domain/workflows.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { defaultWorkflowId, indexForGap, moved } from './workflow-order.js';

/** A row being dragged by its handle, and the gap (0 … length) it would drop into, if any. */
interface Drag {
  id: string;
  gap: number | null;
}

/** Marks our own drags, so that a file or text dragged over the list is not taken for a row. */
const DRAG_TYPE = 'application/x-switchboard-workflow';

/**
 * The workflows in priority order with their trigger, status and numbers. A row moves by
 * dragging its handle (a line shows where it will land) or by its up and down buttons (for the
 * keyboard); it can be duplicated, or deleted after a confirmation. Screen readers hear each
 * change.
 */
export function WorkflowList({ onError }: { onError(error: unknown): void }) {
  const t = useT();
  const workflows = useAppStore((s) => s.workflows);
  const loaded = useAppStore((s) => s.workflowsLoaded);
  const locale = useAppStore((s) => s.locale);
  const { duplicateWorkflow, removeWorkflow, reorderWorkflows } = useAppStore.getState();
  const [drag, setDrag] = useState<Drag | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [duplicatedId, setDuplicatedId] = useState<string | null>(null);
  const defaultId = defaultWorkflowId(workflows);

  const move = (from: number, to: number) => {
    const workflow = workflows[from];
    if (!workflow || to < 0 || to >= workflows.length || to === from) return;
    setAnnouncement(t('workflows.moved', { name: workflow.name, position: to + 1, count: workflows.length }));
    reorderWorkflows(
      moved(
        workflows.map((w) => w.id),
        from,
        to,
      ),
    ).catch(onError);
  };

  const duplicate = async (workflow: WorkflowSummary) => {
    try {
      const copy = await duplicateWorkflow(workflow.id, locale);
      setDuplicatedId(copy.id);
      setAnnouncement(t('workflows.duplicated', { name: workflow.name, copy: copy.name }));
    } catch (error) {
      onError(error);
    }
  };

  const remove = async (workflow: WorkflowSummary) => {
    if (!window.confirm(t('workflows.removeConfirm', { name: workflow.name }))) return;
    try {
      await removeWorkflow(workflow.id);
      setAnnouncement(t('workflows.removed', { name: workflow.name }));
    } catch (error) {
      onError(error);
    }
  };

  const dragOver = (event: DragEvent<HTMLLIElement>, index: number) => {
    if (!drag) return;
    // Accepting the drop here is what makes the browser allow it.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const { top, height } = event.currentTarget.getBoundingClientRect();
    const gap = event.clientY < top + height / 2 ? index : index + 1;
    if (gap !== drag.gap) setDrag({ ...drag, gap });
  };

  const drop = (event: DragEvent<HTMLLIElement>) => {
    if (!drag || drag.gap === null) return;
    event.preventDefault();
    const from = workflows.findIndex((w) => w.id === drag.id);
    move(from, indexForGap(from, drag.gap));
    setDrag(null);
  };

  const rowClass = (workflow: WorkflowSummary, index: number) =>
    [
      'workflow-row',
      drag?.gap === index && 'drop-before',
      drag?.gap === workflows.length && index === workflows.length - 1 && 'drop-after',
      // Only once over the list: marked at drag start, the row would be faded in the drag image.
      drag !== null && drag.gap !== null && drag.id === workflow.id && 'is-dragging',
      workflow.id === duplicatedId && 'is-new',
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <section className="card">
      {loaded && workflows.length === 0 && <p>{t('workflows.empty')}</p>}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <ol
        className="workflow-list"
        onDragLeave={(event) => {
          if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) {
            setDrag((current) => current && { ...current, gap: null });
          }
        }}
      >
        {workflows.map((workflow, index) => (
          <li
            key={workflow.id}
            className={rowClass(workflow, index)}
            onDragOver={(event) => dragOver(event, index)}
            onDrop={drop}
            onAnimationEnd={() => setDuplicatedId(null)}
          >
            <span
              className="drag-handle"
              role="img"
              aria-label={t('workflows.drag', { name: workflow.name })}
              title={t('workflows.drag', { name: workflow.name })}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData(DRAG_TYPE, workflow.id);
                const row = event.currentTarget.closest('li');
                if (row) {
                  const box = row.getBoundingClientRect();
                  event.dataTransfer.setDragImage(row, event.clientX - box.left, event.clientY - box.top);
                }
                setDrag({ id: workflow.id, gap: null });
              }}
              onDragEnd={() => setDrag(null)}
            >
              ⠿
            </span>
            <div className="workflow-main">
              <Link
                to={`/workflows/${workflow.id}`}
                aria-label={t('workflows.open', { name: workflow.name })}
              >
                {workflow.name}
              </Link>
              <span className="muted">{t(`workflows.trigger.${workflow.triggerKind}`)}</span>
            </div>
            <div className="workflow-status">
              {workflow.id === defaultId && <span className="badge primary">{t('workflows.default')}</span>}
              {workflow.liveVersion === null ? (
                <span className="badge">{t('workflows.status.draft')}</span>
              ) : (
                <span className="badge good">
                  {t('workflows.status.live', { version: workflow.liveVersion })}
                </span>
              )}
              {workflow.liveVersion !== null && workflow.hasUnpublishedChanges && (
                <span className="badge warn">{t('workflows.status.changed')}</span>
              )}
            </div>
            <div className="muted">
              {workflow.numbers.length > 0 && `${t('workflows.numbers')}: ${workflow.numbers.join(', ')}`}
            </div>
            <div className="button-row">
              {/* aria-disabled, not disabled: the button keeps the focus when its row reaches an end. */}
              <button
                type="button"
                className="button"
                aria-disabled={index === 0}
                aria-label={t('workflows.moveUp', { name: workflow.name })}
                onClick={() => move(index, index - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button"
                aria-disabled={index === workflows.length - 1}
                aria-label={t('workflows.moveDown', { name: workflow.name })}
                onClick={() => move(index, index + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button"
                aria-label={t('workflows.duplicateLabel', { name: workflow.name })}
                onClick={() => void duplicate(workflow)}
              >
                {t('workflows.duplicate')}
              </button>
              <button
                type="button"
                className="button subtle-danger"
                aria-label={t('workflows.remove', { name: workflow.name })}
                onClick={() => void remove(workflow)}
              >
                {t('common.delete')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
