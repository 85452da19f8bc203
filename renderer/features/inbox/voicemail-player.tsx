import { useRef } from 'react';
import { voicemailMediaPath, type Voicemail } from '../../../shared/domain/voicemails.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';

/** Played this long, a message counts as heard: past a greeting, not a slip of the finger. */
export const HEARD_AFTER_SEC = 3;

/** Seconds actually played (jumps skipped over do not count). */
function playedSeconds(played: TimeRanges): number {
  let total = 0;
  for (let i = 0; i < played.length; i++) total += played.end(i) - played.start(i);
  return total;
}

/**
 * A message played in place: a seekable player (the media route serves byte ranges), a download
 * link, and a "mark heard" that also happens by itself after {@link HEARD_AFTER_SEC} seconds of
 * listening (seeking past them does not count).
 */
export function VoicemailPlayer({
  voicemail,
  label,
  onHeard,
}: {
  voicemail: Voicemail;
  /** What the player is called for assistive technology ("Message from 010…"). */
  label: string;
  onHeard(heard: boolean): void;
}) {
  const t = useT();
  const mediaUrl = useAppStore((s) => s.mediaUrl);
  const url = mediaUrl(voicemailMediaPath(voicemail.id));
  // Once per message and mount: the event repeats several times a second while playing.
  const marked = useRef(voicemail.heard);
  const file = `voicemail-${voicemail.caller}-${voicemail.createdAt.slice(0, 19).replace(/[-:]/g, '')}.wav`;
  return (
    <div className="voicemail-player">
      <audio
        controls
        preload="metadata"
        src={url}
        aria-label={label}
        onTimeUpdate={(e) => {
          if (!marked.current && playedSeconds(e.currentTarget.played) >= HEARD_AFTER_SEC) {
            marked.current = true;
            onHeard(true);
          }
        }}
      />
      <div className="inline-form">
        <button
          type="button"
          className="button"
          onClick={() => {
            marked.current = !voicemail.heard;
            onHeard(!voicemail.heard);
          }}
        >
          {t(voicemail.heard ? 'inbox.vm.markUnheard' : 'inbox.vm.markHeard')}
        </button>
        <a className="button" href={url} download={file}>
          {t('inbox.vm.download')}
        </a>
      </div>
    </div>
  );
}
