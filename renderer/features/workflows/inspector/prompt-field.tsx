import { useEffect, useId, useRef, useState } from 'react';
import {
  MAX_PROMPT_TEXT,
  promptLanguages,
  type Prompt,
  type PromptLanguage,
} from '../../../../shared/workflow/prompt.js';
import { mainLanguage } from '../../../../shared/workflow/step-prompts.js';
import { useStore } from 'zustand';
import { CheckboxField } from '../../../ui/field.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import { SelectInput, TextInput } from './controls.js';
import { useInspector } from './inspector-context.js';
import { wavBytes } from './prompt-audio.js';
import { PromptUploadZone } from './prompt-upload-zone.js';
import { RecordingPreview } from './recording-preview.js';

type Source = Prompt['kind'];

/**
 * What a step says: text for the synthesizer (with its language) or a recording from the prompt
 * library (or a new one uploaded here), and a ▶ button to hear it as callers will. With
 * `optional`, a checkbox chooses between this prompt and null (the built-in sentence, or nothing).
 */
export function PromptField({
  label,
  value,
  optional,
  onChange,
}: {
  label: string;
  value: Prompt | null;
  /** The checkbox's label when the prompt may be null ("Own message when nothing is pressed"). */
  optional?: string;
  onChange(prompt: Prompt | null): void;
}) {
  const t = useT();
  const { store, prompts } = useInspector();
  const locale = useAppStore((s) => s.locale);
  const language = useStore(store, (s) => mainLanguage(s.definition, locale));
  const checkboxId = useId();
  const textPrompt = (): Prompt => ({ kind: 'tts', text: '', language });
  // "Uploaded recording" with no recording yet: the upload zone shows while the value stays
  // text, since an audio prompt needs a recording to point at.
  const [isChoosingUpload, setChoosingUpload] = useState(false);
  const [uploadedId, setUploadedId] = useState<string | null>(null);
  const source: Source = value?.kind === 'audio' || isChoosingUpload ? 'audio' : 'tts';

  return (
    <fieldset className="prompt-field">
      <legend>{label}</legend>
      {optional && (
        <CheckboxField
          id={checkboxId}
          label={optional}
          checked={value !== null}
          onChange={(checked) => {
            setChoosingUpload(false);
            onChange(checked ? textPrompt() : null);
          }}
        />
      )}
      {value && (
        <>
          <SelectInput<Source>
            label={t('inspector.prompt.source')}
            value={source}
            options={[
              { value: 'tts', label: t('inspector.prompt.tts') },
              { value: 'audio', label: t('inspector.prompt.audio') },
            ]}
            onChange={(picked) => {
              const first = prompts[0];
              setChoosingUpload(picked === 'audio' && !first);
              if (picked === 'audio' && value.kind !== 'audio' && first) {
                onChange({ kind: 'audio', promptId: first.id });
              }
              if (picked === 'tts' && value.kind !== 'tts') onChange(textPrompt());
            }}
            {...(prompts.length === 0 ? { hint: t('inspector.prompt.noRecordings') } : {})}
          />
          {source === 'tts' && value.kind === 'tts' && (
            <>
              <TextInput
                label={label}
                className="prompt-text"
                value={value.text}
                maxLength={MAX_PROMPT_TEXT}
                multiline
                onChange={(text) => onChange({ ...value, text })}
              />
              <SelectInput<PromptLanguage>
                label={t('inspector.prompt.language')}
                value={value.language}
                options={promptLanguages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                onChange={(picked) => {
                  // A voice belongs to one language: another language starts from its default voice.
                  const { voice: _voice, ...rest } = value;
                  onChange({ ...rest, language: picked });
                }}
              />
              <PromptPreview prompt={value} label={label} />
            </>
          )}
          {value.kind === 'audio' && (
            <>
              <SelectInput<string>
                label={t('inspector.prompt.recording')}
                value={value.promptId}
                options={[
                  ...prompts.map((p) => ({
                    value: p.id,
                    label: `${p.name} (${(p.durationMs / 1000).toFixed(1)} s)`,
                  })),
                  // A recording since removed from the library: still shown, the problems say so.
                  ...(prompts.some((p) => p.id === value.promptId)
                    ? []
                    : [{ value: value.promptId, label: t('inspector.prompt.missingRecording') }]),
                ]}
                onChange={(promptId) => onChange({ kind: 'audio', promptId })}
              />
              <RecordingPreview
                key={value.promptId}
                promptId={value.promptId}
                label={label}
                loadNow={value.promptId === uploadedId}
              />
            </>
          )}
          {source === 'audio' && (
            <PromptUploadZone
              onUploaded={(prompt) => {
                setUploadedId(prompt.id);
                setChoosingUpload(false);
                onChange({ kind: 'audio', promptId: prompt.id });
              }}
            />
          )}
        </>
      )}
    </fieldset>
  );
}

/** ▶ for a text: asks the engine to synthesise it and plays it here. */
function PromptPreview({ prompt, label }: { prompt: Prompt; label: string }) {
  const t = useT();
  const api = useAppStore((s) => s.api);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [error, setError] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const empty = prompt.kind === 'tts' && prompt.text.trim() === '';

  // One object URL at a time, released when replaced or when the field goes.
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  useEffect(() => {
    if (url) void audio.current?.play().catch(() => undefined);
  }, [url]);

  const preview = async () => {
    setState('loading');
    try {
      const rendered = await api.call('prompts.preview', { prompt });
      setUrl(URL.createObjectURL(new Blob([wavBytes(rendered.wavBase64)], { type: 'audio/wav' })));
      setState('idle');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setState('failed');
    }
  };

  return (
    <div className="prompt-preview">
      <button
        type="button"
        className="button"
        disabled={empty || state === 'loading'}
        aria-label={t('inspector.prompt.play', { field: label })}
        onClick={() => void preview()}
      >
        ▶ {state === 'loading' ? t('inspector.prompt.rendering') : t('inspector.prompt.listen')}
      </button>
      {url && (
        <audio ref={audio} src={url} controls aria-label={t('inspector.prompt.player', { field: label })} />
      )}
      {state === 'failed' && (
        <p className="field-error" role="alert">
          {t('error.generic', { message: error })}
        </p>
      )}
    </div>
  );
}
