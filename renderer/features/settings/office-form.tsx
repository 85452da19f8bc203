import { useId, useMemo, useState, type FormEvent } from 'react';
import { settingsPatchSchema } from '../../../shared/domain/settings.js';
import { invalidParams } from '../../../shared/rpc/errors.js';
import type { MessageKey } from '../../i18n/messages.en.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { Field } from '../../ui/field.js';
import { errorsFromFailure, FORM_ERROR, type FieldErrors } from './field-errors.js';
import { useFlash } from './use-flash.js';

interface OfficeValues {
  officeName: string;
  timeZone: string;
  /** One address per line, as typed. */
  trustedSipSources: string;
  /** One number per line, as typed. */
  transferAllowList: string;
  pbxWebSocketUrl: string;
}

/** Entries separated by spaces, commas or new lines. */
function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((entry) => entry !== '');
}

/** Every IANA zone this browser knows, with the current one kept even if it does not. */
function timeZoneOptions(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Office name, time zone, trusted SIP addresses and transfer allow-list: `settings.get` fills it, `settings.update` saves it. */
export function OfficeForm() {
  const t = useT();
  const id = useId();
  const settings = useAppStore((state) => state.settings);
  const updateSettings = useAppStore((state) => state.updateSettings);
  // null until the user edits: the form mirrors the engine's settings as they arrive.
  const [draft, setDraft] = useState<OfficeValues | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [flash, showFlash] = useFlash();
  const values: OfficeValues | null =
    draft ??
    (settings
      ? {
          officeName: settings.officeName,
          timeZone: settings.timeZone,
          trustedSipSources: settings.trustedSipSources.join('\n'),
          transferAllowList: settings.transferAllowList.join('\n'),
          pbxWebSocketUrl: settings.pbxWebSocketUrl,
        }
      : null);
  const zones = useMemo(() => timeZoneOptions(values?.timeZone ?? 'Asia/Seoul'), [values?.timeZone]);

  if (!values) return <p className="muted">{t('settings.loading')}</p>;

  const errors: FieldErrors = failure === null ? {} : errorsFromFailure(failure, t);
  const change = (patch: Partial<OfficeValues>): void => setDraft({ ...values, ...patch });

  /** One entry per line: addresses or numbers. */
  const listField = (
    name: 'trustedSipSources' | 'transferAllowList',
    label: MessageKey,
    hint: MessageKey,
    placeholder: string,
  ) => (
    <Field id={`${id}-${name}`} label={t(label)} hint={t(hint)} error={errors[name]} className="field-wide">
      {(control) => (
        <textarea
          {...control}
          rows={2}
          spellCheck={false}
          placeholder={placeholder}
          value={values[name]}
          onChange={(event) => change({ [name]: event.target.value })}
        />
      )}
    </Field>
  );

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!values) return;
    const parsed = settingsPatchSchema.safeParse({
      ...values,
      trustedSipSources: splitList(values.trustedSipSources),
      transferAllowList: splitList(values.transferAllowList),
    });
    if (!parsed.success) {
      setFailure(invalidParams(parsed.error, 'settings'));
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await updateSettings(parsed.data);
      setDraft(null);
      showFlash('common.saved');
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form office-form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="form-grid">
        <Field
          id={`${id}-name`}
          label={t('office.name')}
          hint={t('office.nameHint')}
          error={errors.officeName}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="organization"
              maxLength={80}
              value={values.officeName}
              onChange={(event) => change({ officeName: event.target.value })}
            />
          )}
        </Field>
        <Field
          id={`${id}-tz`}
          label={t('office.timeZone')}
          hint={t('office.timeZoneHint')}
          error={errors.timeZone}
        >
          {(control) => (
            <select
              {...control}
              value={values.timeZone}
              onChange={(event) => change({ timeZone: event.target.value })}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
        {listField('trustedSipSources', 'office.trusted', 'office.trustedHint', '192.168.0.10')}
        {listField(
          'transferAllowList',
          'office.transferAllowList',
          'office.transferAllowListHint',
          '0212345678',
        )}
        <Field
          id={`${id}-pbxWebSocketUrl`}
          label={t('phone.settings.wsUrl')}
          hint={t('phone.settings.wsUrlHint')}
          error={errors.pbxWebSocketUrl}
          className="field-wide"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="url"
              spellCheck={false}
              placeholder="wss://pbx.example.com:8089/ws"
              value={values.pbxWebSocketUrl}
              onChange={(event) => change({ pbxWebSocketUrl: event.target.value })}
            />
          )}
        </Field>
      </div>
      {errors[FORM_ERROR] && (
        <p className="form-error" role="alert">
          {errors[FORM_ERROR]}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {t('office.apply')}
        </button>
        <p className="flash" role="status">
          {flash ? t(flash) : ''}
        </p>
      </div>
    </form>
  );
}
