import { describe, expect, it } from 'vitest';
import { saveTagParams } from '../../../shared/domain/tags.js';
import { inboxTestDb } from '../../../test/support/inbox-test-db.js';

describe('tag catalogue', () => {
  it('adds, recolours and removes names; removing keeps the tags on calls', () => {
    const t = inboxTestDb();
    t.records.catalogue.save({ name: '예약', color: '#00ff00' });
    const recoloured = t.records.catalogue.save({ name: '예약', color: '#0000ff' });
    expect(recoloured).toMatchObject({ name: '예약', color: '#0000ff' });
    t.records.tags.add('c1', ['예약'], null);
    expect(t.records.catalogue.remove('예약')).toBe(true);
    expect(t.records.catalogue.remove('예약')).toBe(false);
    expect(t.records.tags.of('c1').map((x) => x.tag)).toEqual(['예약']);
    t.done();
  });

  it('takes names of 1–40 characters in any script and #rrggbb colours', () => {
    expect(saveTagParams.parse({ name: ' 불만 ', color: '#AABBCC' })).toEqual({
      name: '불만',
      color: '#aabbcc',
    });
    expect(saveTagParams.safeParse({ name: '', color: '#aabbcc' }).success).toBe(false);
    expect(saveTagParams.safeParse({ name: 'x'.repeat(41), color: '#aabbcc' }).success).toBe(false);
    expect(saveTagParams.safeParse({ name: 'ok', color: 'red' }).success).toBe(false);
  });
});
