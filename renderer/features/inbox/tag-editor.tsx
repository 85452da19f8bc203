import { useId, useState, type FormEvent } from 'react';
import type { CallTag, CatalogueTag } from '../../../shared/domain/tags.js';
import { useT } from '../../i18n/use-t.js';
import { TagChip } from './tag-chip.js';

/**
 * A call's tags: each removable, and a new one picked from the catalogue or typed freely (the
 * engine adds a new name to the catalogue with the default colour).
 */
export function TagEditor({
  tags,
  catalogue,
  busy,
  onAdd,
  onRemove,
}: {
  tags: readonly CallTag[];
  catalogue: readonly CatalogueTag[];
  busy: boolean;
  /** Resolves true once the engine has the tag. */
  onAdd(name: string): Promise<boolean>;
  onRemove(name: string): void;
}) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const tag = name.trim();
    if (!tag) return;
    void onAdd(tag).then((ok) => {
      if (ok) setName('');
    });
  };
  const offered = catalogue.filter((c) => !tags.some((tag) => tag.tag === c.name));
  return (
    <div className="tag-editor">
      <ul className="tag-chips" aria-label={t('inbox.tags')}>
        {tags.length === 0 && <li className="muted">{t('inbox.noTags')}</li>}
        {tags.map((tag) => (
          <li key={tag.tag}>
            <TagChip name={tag.tag} color={tag.color}>
              <button
                type="button"
                className="tag-remove"
                disabled={busy}
                aria-label={t('inbox.removeTag', { tag: tag.tag })}
                onClick={() => onRemove(tag.tag)}
              >
                ×
              </button>
            </TagChip>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={id} className="visually-hidden">
          {t('inbox.newTag')}
        </label>
        <input
          id={id}
          list={`${id}-catalogue`}
          value={name}
          maxLength={40}
          placeholder={t('inbox.newTag')}
          onChange={(e) => setName(e.target.value)}
        />
        <datalist id={`${id}-catalogue`}>
          {offered.map((tag) => (
            <option key={tag.name} value={tag.name} />
          ))}
        </datalist>
        <button type="submit" className="button" disabled={busy || name.trim() === ''}>
          {t('inbox.addTag')}
        </button>
      </form>
    </div>
  );
}
