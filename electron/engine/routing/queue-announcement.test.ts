import { describe, expect, it } from 'vitest';
import { positionAnnouncement } from './queue-announcement.js';

describe('queue announcement', () => {
  it('says only the place in line while there is no estimate', () => {
    expect(positionAnnouncement(2, null, 'en')).toBe('You are number 2 in line.');
    expect(positionAnnouncement(2, null, 'ko')).toBe('고객님의 대기 순번은 2번입니다.');
  });

  it('adds the expected wait in whole minutes, rounded up', () => {
    expect(positionAnnouncement(3, 61, 'en')).toBe(
      'You are number 3 in line. The expected wait is about 2 minutes.',
    );
    expect(positionAnnouncement(3, 120, 'ko')).toBe(
      '고객님의 대기 순번은 3번입니다. 예상 대기 시간은 약 2분입니다.',
    );
  });

  it('never promises less than one minute, and says "minute" for one', () => {
    expect(positionAnnouncement(1, 0, 'en')).toBe(
      'You are number 1 in line. The expected wait is about 1 minute.',
    );
    expect(positionAnnouncement(1, 45, 'ko')).toContain('약 1분');
  });
});
