import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { StoredPrompt } from '../../../../shared/domain/prompts.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import { formatBytes } from './byte-size.js';
import { useInspector } from './inspector-context.js';
import { problemBeforeUpload, problemOfError, type UploadProblem } from './prompt-upload-problem.js';
import { UPLOAD_ACCEPT, uploadPrompt } from './prompt-upload.js';

type ZoneState =
  | { phase: 'idle' }
  | { phase: 'sending'; file: string; sent: number; size: number }
  | { phase: 'converting'; file: string }
  | { phase: 'done'; name: string }
  | { phase: 'failed'; problem: UploadProblem };

/**
 * Where a recording enters the prompt library: dropped here or chosen with the button (the way in
 * by keyboard), sent with a progress bar, converted by the engine, then handed to `onUploaded`.
 * A file the engine refuses leaves everything as it was and says what is wrong with it. Closing
 * the field stops an upload still sending.
 */
export function PromptUploadZone({ onUploaded }: { onUploaded(prompt: StoredPrompt): void }) {
  const t = useT();
  const api = useAppStore((s) => s.api);
  const { addPrompt } = useInspector();
  const [state, setState] = useState<ZoneState>({ phase: 'idle' });
  const [isDragOver, setDragOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const running = useRef<AbortController | null>(null);
  const isBusy = state.phase === 'sending' || state.phase === 'converting';

  useEffect(
    () => () => running.current?.abort(new DOMException('The prompt field closed', 'AbortError')),
    [],
  );

  const upload = async (file: File) => {
    const refused = problemBeforeUpload(file);
    if (refused) {
      setState({ phase: 'failed', problem: refused });
      return;
    }
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: 'sending', file: file.name, sent: 0, size: file.size });
    try {
      const prompt = await uploadPrompt(api, file, {
        signal: controller.signal,
        onProgress: (progress) =>
          setState(
            progress.phase === 'sending'
              ? { ...progress, file: file.name }
              : { phase: 'converting', file: file.name },
          ),
      });
      // In the library even if the field closed while converting: the engine kept it.
      addPrompt(prompt);
      if (controller.signal.aborted) return;
      setState({ phase: 'done', name: prompt.name });
      onUploaded(prompt);
    } catch (error) {
      if (!controller.signal.aborted)
        setState({ phase: 'failed', problem: problemOfError(error, file.name) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file && !isBusy) void upload(file);
  };

  const onDragOver = (event: DragEvent) => {
    // Without this the browser opens the dropped file instead of handing it to onDrop.
    event.preventDefault();
    event.dataTransfer.dropEffect = isBusy ? 'none' : 'copy';
    setDragOver(true);
  };
  const onDragLeave = (event: DragEvent) => {
    // Moving over the zone's own text and button is not leaving it.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragOver(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragOver(false);
    take(event.dataTransfer.files);
  };

  return (
    <div className="upload">
      <div
        className={`upload-zone${isDragOver ? ' is-drag-over' : ''}`}
        role="group"
        aria-label={t('inspector.upload')}
        aria-busy={isBusy}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <p>
          {t('inspector.upload.drop')}{' '}
          <button
            type="button"
            className="upload-choose"
            disabled={isBusy}
            onClick={() => input.current?.click()}
          >
            {t('inspector.upload.choose')}
          </button>
        </p>
        <input
          ref={input}
          type="file"
          accept={UPLOAD_ACCEPT}
          hidden
          onChange={(event) => {
            take(event.target.files);
            // Cleared so that choosing the same file again (after fixing it) uploads it again.
            event.target.value = '';
          }}
        />
        {state.phase === 'sending' && (
          <div className="upload-progress">
            <progress
              max={state.size}
              value={state.sent}
              aria-label={t('inspector.upload.progress', { file: state.file })}
            />
            <span>
              {t('inspector.upload.sending', {
                file: state.file,
                sent: formatBytes(state.sent),
                total: formatBytes(state.size),
              })}
            </span>
          </div>
        )}
        {state.phase === 'converting' && (
          <div className="upload-progress">
            {/* Without a value: the engine does not report how far the conversion is. */}
            <progress aria-label={t('inspector.upload.progress', { file: state.file })} />
          </div>
        )}
        <p className="upload-status" role="status">
          {state.phase === 'converting' && t('inspector.upload.converting')}
          {state.phase === 'done' && t('inspector.upload.done', { name: state.name })}
        </p>
      </div>
      {state.phase === 'failed' && (
        <div className="upload-error" role="alert">
          <p>{t(state.problem.message, state.problem.vars)}</p>
          {state.problem.detail && (
            <p className="upload-error-detail">
              {t('inspector.upload.detail', { detail: state.problem.detail })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
