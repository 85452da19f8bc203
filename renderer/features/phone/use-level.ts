import { useEffect, useState } from 'react';
import { watchLevel } from './level-meter.js';

/** The live level (0..1) of a stream's audio, or 0 without one. */
export function useLevel(stream: MediaStream | undefined): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const stop = watchLevel(stream, setLevel);
    return () => {
      stop();
      setLevel(0);
    };
  }, [stream]);
  return level;
}
