import { useState } from 'react';
import type { Line } from '../../../shared/domain/line.js';
import type { MessageKey } from '../../i18n/messages.en.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { registrationText, registrationTone } from '../../ui/status-text.js';
import { errorsFromFailure, FORM_ERROR } from './field-errors.js';

const transportKeys: Record<Line['transport'], MessageKey> = { udp: 'transport.udp', tcp: 'transport.tcp' };

export interface LineListProps {
  onEdit(line: Line): void;
  onRemoved(line: Line): void;
  /** The line whose form is open: its row is not offered for editing twice. */
  editingId?: string;
}

export function LineList({ onEdit, onRemoved, editingId }: LineListProps) {
  const t = useT();
  const lines = useAppStore((state) => state.lines);
  const linesLoaded = useAppStore((state) => state.linesLoaded);
  const engineLines = useAppStore((state) => state.engineStatus?.lines);

  if (!linesLoaded) return <p className="muted">{t('settings.loading')}</p>;
  if (lines.length === 0) return <p className="empty-note">{t('lines.empty')}</p>;

  return (
    <ul className="line-list">
      {lines.map((line) => (
        <LineRow
          key={line.id}
          line={line}
          // The engine's pushed status is fresher than the list's snapshot.
          registration={engineLines?.find((status) => status.lineId === line.id)?.registration}
          isEditing={line.id === editingId}
          onEdit={onEdit}
          onRemoved={onRemoved}
        />
      ))}
    </ul>
  );
}

function LineRow({
  line,
  registration = line.registration,
  isEditing,
  onEdit,
  onRemoved,
}: {
  line: Line;
  registration?: Line['registration'];
  isEditing: boolean;
  onEdit(line: Line): void;
  onRemoved(line: Line): void;
}) {
  const t = useT();
  const removeLine = useAppStore((state) => state.removeLine);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function remove(): Promise<void> {
    setRemoving(true);
    setFailure(null);
    try {
      await removeLine(line.id);
      onRemoved(line);
    } catch (error) {
      setFailure(error);
      setRemoving(false);
    }
  }

  const error = failure === null ? undefined : errorsFromFailure(failure, t)[FORM_ERROR];
  return (
    <li className={`line-row${isEditing ? ' is-editing' : ''}`}>
      <div className="line-main">
        <div className="line-title">
          <strong>{line.displayName}</strong>
          {!line.enabled && <span className="badge badge-muted">{t('lines.disabled')}</span>}
        </div>
        <dl className="line-facts">
          <div>
            <dt>{t('lines.account')}</dt>
            <dd className="mono">
              {line.username}@{line.registrar}
            </dd>
          </div>
          <div>
            <dt>{t('lines.transport')}</dt>
            <dd>{t(transportKeys[line.transport])}</dd>
          </div>
          <div>
            <dt>{t('lines.numbers')}</dt>
            <dd className="mono">
              {line.numbers.length > 0 ? line.numbers.join(', ') : t('lines.noNumbers')}
            </dd>
          </div>
          <div>
            <dt>{t('lines.registration')}</dt>
            <dd>
              <span className={`dot dot-${registrationTone(registration.state)}`} aria-hidden="true" />
              {registrationText(registration, t)}
            </dd>
          </div>
        </dl>
        <p className={`line-password ${line.hasPassword ? '' : 'warn'}`}>
          {line.hasPassword ? t('lines.passwordStored') : t('lines.passwordMissing')}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="line-actions">
        {confirming ? (
          <div
            className="confirm"
            role="group"
            aria-label={t('lines.removeNamed', { name: line.displayName })}
          >
            <p>{t('lines.removeConfirm', { name: line.displayName })}</p>
            <div className="confirm-buttons">
              <button
                type="button"
                className="button danger"
                disabled={removing}
                onClick={() => void remove()}
              >
                {t('lines.removeYes')}
              </button>
              <button
                type="button"
                className="button"
                disabled={removing}
                onClick={() => setConfirming(false)}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <>
            <button
              type="button"
              className="button"
              aria-label={t('lines.editNamed', { name: line.displayName })}
              disabled={isEditing}
              onClick={() => onEdit(line)}
            >
              {t('lines.edit')}
            </button>
            <button
              type="button"
              className="button subtle-danger"
              aria-label={t('lines.removeNamed', { name: line.displayName })}
              onClick={() => setConfirming(true)}
            >
              {t('lines.remove')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
