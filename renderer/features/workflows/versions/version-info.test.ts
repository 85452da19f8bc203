import { describe, expect, it } from 'vitest';
import type { WorkflowVersion } from '../../../../shared/domain/workflows.js';
import { dateLocale, formatWhen, restoredFromNumber } from './version-info.js';

const version = (number: number, extra: object = {}): WorkflowVersion =>
  ({
    id: `00000000-0000-4000-8000-00000000000${number}`,
    workflowId: '00000000-0000-4000-8000-000000000000',
    number,
    note: '',
    author: 'manager',
    publishedAt: '2025-03-04T05:06:07.000Z',
    live: false,
    ...extra,
  }) as WorkflowVersion;

describe('version details', () => {
  it('names the version a rollback restored, when the engine says', () => {
    const v1 = version(1, { restoredFromId: null });
    const v3 = version(3, { restoredFromId: v1.id });
    expect(restoredFromNumber(v3, [v3, v1])).toBe(1);
    expect(restoredFromNumber(v1, [v3, v1])).toBeNull();
    expect(restoredFromNumber(version(2), [v3, v1])).toBeNull();
  });

  it('writes the date in the manager’s language', () => {
    expect(dateLocale('en', 'en-GB')).toBe('en-GB');
    expect(dateLocale('ko', 'en-GB')).toBe('ko-KR');
    expect(dateLocale('en', undefined)).toBe('en-US');
    expect(formatWhen('2025-03-04T05:06:07.000Z', dateLocale('ko', 'ko'))).toMatch(/2025\. 3\. 4\./);
    expect(formatWhen('2025-03-04T05:06:07.000Z', 'en-GB')).toMatch(/4 Mar 2025/);
    expect(formatWhen('2025-03-04T05:06:07.000Z', 'en-US')).toMatch(/Mar 4, 2025/);
  });
});
