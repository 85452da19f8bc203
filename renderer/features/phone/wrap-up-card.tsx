import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { Field } from '../../ui/field.js';
import { wrapUpLeftSec } from './call-clock.js';
import { usePhoneStore, type WrapUp } from './phone-store.js';

/** After a call: tags and a note for the conversation, the wrap-up countdown, and "Ready". */
export function WrapUpCard({ wrapUp }: { wrapUp: WrapUp }) {
  const t = useT();
  const saveWrapUp = usePhoneStore((state) => state.saveWrapUp);
  const ready = usePhoneStore((state) => state.ready);
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, []);
  const left = wrapUpLeftSec(wrapUp.endedAt, wrapUp.wrapUpSec, now);

  const save = async (): Promise<void> => {
    const names = tags
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '');
    await saveWrapUp(names, note);
    setSaved(true);
  };

  return (
    <section className="card phone-wrapup" aria-labelledby="phone-wrapup-title">
      <h2 id="phone-wrapup-title">{t('phone.wrapUp.heading')}</h2>
      <p className="phone-muted" aria-live="polite">
        {left > 0 ? t('phone.wrapUp.left', { seconds: String(left) }) : t('phone.wrapUp.over')}
      </p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field id="phone-wrapup-tags" label={t('phone.wrapUp.tags')}>
          {(control) => (
            <input {...control} type="text" value={tags} onChange={(e) => setTags(e.target.value)} />
          )}
        </Field>
        <Field id="phone-wrapup-note" label={t('phone.wrapUp.note')}>
          {(control) => (
            <textarea {...control} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button">
            {t('phone.wrapUp.save')}
          </button>
          <button type="button" className="button primary" onClick={() => void ready()}>
            {t('phone.wrapUp.ready')}
          </button>
          {saved && <span role="status">{t('phone.wrapUp.saved')}</span>}
        </div>
      </form>
    </section>
  );
}
