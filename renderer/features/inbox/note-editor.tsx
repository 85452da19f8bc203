import { useEffect, useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t.js';

/** The call's note: edited here, saved by the button (someone else's save replaces an untouched draft). */
export function NoteEditor({ notes, onSave }: { notes: string; onSave(notes: string): Promise<boolean> }) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(notes);
  const [saved, setSaved] = useState(notes);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState('');

  // A change from elsewhere (another agent, another window) shows unless this one is mid-edit.
  useEffect(() => {
    setDraft((current) => (current === saved ? notes : current));
    setSaved(notes);
  }, [notes]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFlash('');
    onSave(draft)
      .then((ok) => setFlash(ok ? t('inbox.noteSaved') : ''))
      .finally(() => setBusy(false));
  };
  return (
    <form className="note-editor" onSubmit={submit}>
      <label htmlFor={id}>{t('inbox.note')}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={10_000}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <div className="inline-form">
        <button type="submit" className="button" disabled={busy || draft === saved}>
          {t('inbox.saveNote')}
        </button>
        <span className="flash" role="status">
          {flash}
        </span>
      </div>
    </form>
  );
}
