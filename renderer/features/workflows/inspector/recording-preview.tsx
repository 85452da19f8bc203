import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import { wavBytes, wavSamples } from './prompt-audio.js';
import { waveformPeaks } from './waveform-peaks.js';

/** Bars in the waveform: enough to see words and pauses in a prompt of a minute. */
const WAVEFORM_BARS = 120;

interface Rendered {
  url: string;
  peaks: number[];
  durationMs: number;
}

/**
 * An uploaded recording as callers hear it: its telephone-quality file (fetched on ▶, or at once
 * with `loadNow` after an upload), drawn as a waveform, with its length and a player. Keyed by
 * the recording by its parent, so another recording starts afresh.
 */
export function RecordingPreview({
  promptId,
  label,
  loadNow,
}: {
  promptId: string;
  label: string;
  loadNow: boolean;
}) {
  const t = useT();
  const api = useAppStore((s) => s.api);
  const [request, setRequest] = useState<{ play: boolean } | null>(loadNow ? { play: false } : null);
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [error, setError] = useState<string | null>(null);
  const audio = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    if (!request) return;
    let cancelled = false;
    api
      .call('prompts.preview', { prompt: { kind: 'audio', promptId } })
      .then((result) => {
        if (cancelled) return;
        const bytes = wavBytes(result.wavBase64);
        setRendered({
          url: URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' })),
          peaks: waveformPeaks(wavSamples(bytes), WAVEFORM_BARS),
          durationMs: result.durationMs,
        });
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [api, promptId, request]);

  // One object URL at a time, released when replaced or when the preview goes.
  useEffect(() => () => void (rendered && URL.revokeObjectURL(rendered.url)), [rendered]);
  useEffect(() => {
    if (rendered && request?.play) void audio.current?.play().catch(() => undefined);
  }, [rendered, request]);

  const isLoading = request !== null && rendered === null && error === null;
  return (
    <div className="recording-preview">
      <button
        type="button"
        className="button"
        disabled={isLoading}
        aria-label={t('inspector.prompt.play', { field: label })}
        onClick={() => {
          if (rendered) void audio.current?.play().catch(() => undefined);
          else {
            setError(null);
            setRequest({ play: true });
          }
        }}
      >
        ▶ {isLoading ? t('inspector.prompt.rendering') : t('inspector.prompt.listen')}
      </button>
      {rendered && (
        <>
          <svg
            className="recording-waveform"
            viewBox={`0 0 ${rendered.peaks.length} 2`}
            preserveAspectRatio="none"
            role="img"
            aria-label={t('inspector.prompt.waveform', { field: label })}
          >
            {rendered.peaks.map((peak, i) => {
              // Silence still shows as a thin line, so an empty stretch reads as a pause.
              const half = Math.max(peak, 0.02);
              return <rect key={i} x={i + 0.15} width={0.7} y={1 - half} height={half * 2} />;
            })}
          </svg>
          <p className="recording-duration">
            {t('inspector.prompt.duration', { seconds: (rendered.durationMs / 1000).toFixed(1) })}
          </p>
          <p className="recording-caption">{t('inspector.prompt.asCallersHear')}</p>
          <audio
            ref={audio}
            src={rendered.url}
            controls
            aria-label={t('inspector.prompt.player', { field: label })}
          />
        </>
      )}
      {error !== null && (
        <p className="field-error" role="alert">
          {t('error.generic', { message: error })}
        </p>
      )}
    </div>
  );
}
