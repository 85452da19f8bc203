import type { PromptLanguage } from '../../../shared/workflow/prompt.js';

/**
 * What a waiting caller is told now and then: their place in line and, when there is history
 * to go by, the expected wait in whole minutes (rounded up: better early than late).
 */
export function positionAnnouncement(
  position: number,
  waitSec: number | null,
  language: PromptLanguage,
): string {
  const minutes = waitSec === null ? null : Math.max(1, Math.ceil(waitSec / 60));
  if (language === 'ko') {
    const place = `고객님의 대기 순번은 ${position}번입니다.`;
    return minutes === null ? place : `${place} 예상 대기 시간은 약 ${minutes}분입니다.`;
  }
  const place = `You are number ${position} in line.`;
  if (minutes === null) return place;
  return `${place} The expected wait is about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
