import { useEffect, useRef } from 'react';
import type { Prompt } from '../../../../shared/workflow/prompt.js';
import type { Translate } from '../../../i18n/translate.js';
import { useT } from '../../../i18n/use-t.js';
import { formatElapsed, type TranscriptLine } from './transcript-lines.js';

const outcomes = ['connected', 'waiting', 'busy', 'no-answer'] as const;

/** What the test call said and did, oldest first, scrolled to the latest line. */
export function TranscriptView({
  lines,
  onPlay,
}: {
  lines: readonly TranscriptLine[];
  onPlay(prompt: Prompt): void;
}) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lines.length]);
  return (
    <section className="transcript" aria-labelledby="transcript-heading">
      <h3 id="transcript-heading">{t('testCall.transcript')}</h3>
      {lines.length === 0 ? (
        <p className="muted">{t('testCall.transcriptEmpty')}</p>
      ) : (
        <ol ref={list} aria-live="polite">
          {lines.map((line, index) => (
            <li key={index} className={`transcript-line line-${line.kind}`}>
              <span className="transcript-time">{formatElapsed(line.atMs)}</span>
              <span className="transcript-text">{lineText(line, t)}</span>
              {line.kind === 'say' && (
                <button
                  type="button"
                  className="link-button transcript-play"
                  aria-label={`${t('testCall.play')}: ${line.text ?? t('testCall.line.sayAudio')}`}
                  onClick={() => onPlay(line.prompt)}
                >
                  ▶
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function lineText(line: TranscriptLine, t: Translate): string {
  switch (line.kind) {
    case 'say':
      return line.text === null ? t('testCall.line.sayAudio') : t('testCall.line.say', { text: line.text });
    case 'phrase':
      return t('testCall.line.say', { text: line.text });
    case 'key':
      return t('testCall.line.key', { digit: line.digit });
    case 'sms':
      return t('testCall.line.sms', { to: line.to, text: line.text });
    case 'tags':
      return t('testCall.line.tags', { tags: line.tags.join(', ') });
    case 'callback':
      return t('testCall.line.callback', { number: line.number });
    case 'voicemail':
      return t('testCall.line.voicemail', { seconds: Math.round(line.durationMs / 1000) });
    case 'assign': {
      const outcome = outcomes.find((known) => known === line.outcome);
      return t('testCall.line.assign', {
        target: line.target.name,
        outcome: outcome ? t(`testCall.outcome.${outcome}`) : line.outcome,
      });
    }
    case 'hangup':
      return t(line.by === 'caller' ? 'testCall.line.hangupCaller' : 'testCall.line.hangupWorkflow');
    case 'other':
      return t('testCall.line.other', { what: line.what });
  }
}
