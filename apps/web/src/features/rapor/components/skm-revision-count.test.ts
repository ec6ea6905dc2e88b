import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n/i18n';
import { skmRevisionCount } from './skm-revision-count';

describe('skmRevisionCount: what a published revision says about its SKM responses', () => {
  beforeAll(async () => {
    await i18next.changeLanguage('id');
  });
  const t = i18next.t.bind(i18next);

  it('revision 1: the count only', () => {
    expect(skmRevisionCount({ skmResponses: 1234, skmAdded: null }, t)).toEqual({
      count: '1.234 jawaban SKM dihitung',
      change: null,
    });
  });

  it('a later revision: what it added, what voiding took away, or no change', () => {
    expect(skmRevisionCount({ skmResponses: 7, skmAdded: 2 }, t).change).toBe('+2 sejak revisi sebelumnya');
    expect(skmRevisionCount({ skmResponses: 6, skmAdded: -1 }, t).change).toBe(
      '−1 sejak revisi sebelumnya (dibatalkan)',
    );
    expect(skmRevisionCount({ skmResponses: 6, skmAdded: 0 }, t).change).toBe(
      'tidak berubah sejak revisi sebelumnya',
    );
  });

  it('a revision published before the count was stored says so instead of showing 0', () => {
    expect(skmRevisionCount({ skmResponses: null, skmAdded: null }, t)).toEqual({
      count: 'jumlah jawaban SKM tidak tercatat',
      change: null,
    });
  });

  it('English', async () => {
    await setLanguage('en');
    expect(skmRevisionCount({ skmResponses: 7, skmAdded: 2 }, t)).toEqual({
      count: '7 SKM responses counted',
      change: '+2 since the previous revision',
    });
    await i18next.changeLanguage('id');
  });
});
