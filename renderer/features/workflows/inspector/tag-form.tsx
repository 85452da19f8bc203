import { useId, useState } from 'react';
import { tagStep, type StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { listMax, textMax } from './schema-limits.js';

type Step = StepOf<'tag'>;

const tagMax = textMax(tagStep.shape.tags.element);
const countMax = listMax(tagStep.shape.tags);

/** Tags put on the call (for the inbox and analytics): chips, each removable, and one to add. */
export function TagForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  const inputId = useId();
  const [text, setText] = useState('');
  const tag = text.trim();
  const canAdd = tag !== '' && !step.tags.includes(tag) && step.tags.length < countMax;
  const add = () => {
    if (!canAdd) return;
    onChange({ ...step, tags: [...step.tags, tag] });
    setText('');
  };
  return (
    <div className="field">
      <label htmlFor={inputId}>{t('inspector.newTag')}</label>
      <div className="inspector-inline">
        <input
          id={inputId}
          type="text"
          value={text}
          maxLength={tagMax}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" className="button" disabled={!canAdd} onClick={add}>
          {t('inspector.addTag')}
        </button>
      </div>
      {step.tags.length === 0 ? (
        <p className="muted">{t('inspector.noTags')}</p>
      ) : (
        <ul className="chips" aria-label={t('inspector.tags')}>
          {step.tags.map((existing) => (
            <li key={existing} className="chip">
              {existing}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('inspector.removeTag', { tag: existing })}
                onClick={() => onChange({ ...step, tags: step.tags.filter((x) => x !== existing) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
