import { useState } from 'react';
import type { Line } from '../../../shared/domain/line.js';
import { useT } from '../../i18n/use-t.js';
import { LineForm } from './line-form.js';
import { LineList } from './line-list.js';
import { OfficeForm } from './office-form.js';
import { useFlash } from './use-flash.js';

type Editing = { mode: 'add' } | { mode: 'edit'; line: Line } | null;

export function SettingsPage() {
  const t = useT();
  const [editing, setEditing] = useState<Editing>(null);
  const [flash, showFlash] = useFlash();

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>

      <section className="card" aria-labelledby="office-heading">
        <h2 id="office-heading">{t('office.title')}</h2>
        <OfficeForm />
      </section>

      <section className="card" aria-labelledby="lines-heading">
        <div className="section-head">
          <div>
            <h2 id="lines-heading">{t('lines.title')}</h2>
            <p className="section-lead">{t('lines.lead')}</p>
          </div>
          {editing === null && (
            <button type="button" className="button primary" onClick={() => setEditing({ mode: 'add' })}>
              {t('lines.add')}
            </button>
          )}
        </div>
        <p className="flash" role="status">
          {flash ? t(flash) : ''}
        </p>
        {editing !== null && (
          <LineForm
            // A fresh form (and a fresh, empty password field) for every line opened.
            key={editing.mode === 'edit' ? editing.line.id : 'new'}
            {...(editing.mode === 'edit' ? { line: editing.line } : {})}
            onSaved={() => {
              setEditing(null);
              showFlash('common.saved');
            }}
            onCancel={() => setEditing(null)}
          />
        )}
        <LineList
          onEdit={(line) => setEditing({ mode: 'edit', line })}
          onRemoved={(line) => {
            if (editing?.mode === 'edit' && editing.line.id === line.id) setEditing(null);
            showFlash('lines.removed');
          }}
          {...(editing?.mode === 'edit' ? { editingId: editing.line.id } : {})}
        />
      </section>
    </div>
  );
}
