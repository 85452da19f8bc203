import { useId, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { outputLabel } from '../../../../shared/workflow/output-label.js';
import type { StepKind } from '../../../../shared/workflow/steps.js';
import { TRIGGER } from '../../../../shared/workflow/workflow.js';
import { createTranslator } from '../../../i18n/translate.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import type { EditorStore } from './editor-store.js';
import { paletteKinds } from './new-step.js';
import { firstOpenExit } from './open-exit.js';
import { useAddStep } from './use-add-step.js';

/** Kinds are found by their English names too, whatever the manager's language. */
const english = createTranslator('en');

/**
 * The keyboard way to add a step: a combobox of step kinds filtered as one types, arrows to
 * choose, Enter to add, Escape to leave. With one step selected whose exit is still open, the
 * new step follows it, connected, so a flow can be built by typing alone.
 * `onClose(true)` asks to give the focus back to where it was.
 */
export function QuickAdd({
  store,
  onClose,
}: {
  store: EditorStore;
  onClose: (restoreFocus: boolean) => void;
}) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const addStep = useAddStep(store);
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const after = useStore(store, (s) => (s.selected.length === 1 ? s.selected[0] : undefined));
  const definition = useStore(store, (s) => s.definition);
  const exit = after === undefined ? undefined : firstOpenExit(definition, after);

  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const kinds = paletteKinds.filter((kind) => {
    const names = `${t(`step.${kind}`)} ${english(`step.${kind}`)} ${kind}`.toLocaleLowerCase();
    return words.every((word) => names.includes(word));
  });
  const current = kinds[Math.min(active, kinds.length - 1)];
  const optionId = (kind: StepKind) => `${id}-${kind}`;

  let follows: string | undefined;
  if (after !== undefined && exit !== undefined) {
    const step = definition.steps.find((candidate) => candidate.id === after);
    const name = step ? step.name.trim() || t(`step.${step.kind}`) : t('step.trigger');
    const exitName = outputLabel(step ?? TRIGGER, exit)[locale];
    follows = t('editor.quickAddAfter', { step: name, exit: exitName });
  }

  const choose = (kind: StepKind) => {
    addStep(kind, after);
    onClose(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined && kinds.length > 0) {
      event.preventDefault();
      const index = current === undefined ? 0 : kinds.indexOf(current);
      setActive((index + move + kinds.length) % kinds.length);
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      choose(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose(true);
    }
  };
  // Clicking elsewhere closes it, leaving the focus where the click put it.
  const onBlur = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget)) onClose(false);
  };

  return (
    <div className="quick-add" role="dialog" aria-label={t('editor.quickAdd')} onBlur={onBlur}>
      <input
        role="combobox"
        aria-label={t('editor.quickAdd')}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current && optionId(current)}
        aria-describedby={follows && `${id}-follows`}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {follows && (
        <p className="quick-add-follows" id={`${id}-follows`}>
          {follows}
        </p>
      )}
      <ul role="listbox" id={`${id}-list`} aria-label={t('editor.palette')}>
        {kinds.map((kind) => (
          <li
            key={kind}
            id={optionId(kind)}
            role="option"
            aria-selected={kind === current}
            className={`quick-add-option step-${kind}`}
            // Keeps the focus in the input, so that the click does not close the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(kind)}
          >
            {t(`step.${kind}`)}
          </li>
        ))}
      </ul>
      {kinds.length === 0 && <p className="quick-add-none">{t('editor.quickAddNone')}</p>}
    </div>
  );
}
