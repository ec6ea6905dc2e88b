import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeIkm, computeRapor } from '../src/index';
import { exampleContext, exampleEntries, exampleFramework, skmExample } from './fixtures/worked-example';

// Whitespace collapsed: the formatter pads markdown tables.
const doc = readFileSync(fileURLToPath(new URL('../../../docs/scoring.md', import.meta.url)), 'utf8').replace(
  / +/g,
  ' ',
);

describe('worked examples of docs/scoring.md', () => {
  const ikm = computeIkm({ responses: skmExample });

  it('SKM: NRR per unsur, IKM, converted value and grade', () => {
    expect(ikm.respondents).toBe(5);
    expect(ikm.nrr).toEqual({
      persyaratan: 3.4,
      prosedur: 3.4,
      waktu: 2.8,
      biaya: 4,
      produk: 3.2,
      kompetensi: 3.6,
      perilaku: 3.8,
      pengaduan: 3,
      sarana: 2.8,
    });
    expect(ikm.ikm).toBeCloseTo(30 / 9, 12);
    expect(ikm.convertedRounded).toBe(83.33);
    expect(ikm.grade).toEqual({ mutu: 'B', kinerja: 'Baik' });
  });

  const r = computeRapor({
    framework: exampleFramework,
    level: 'kelurahan',
    entries: exampleEntries,
    context: exampleContext(ikm.convertedRounded ?? 0),
  });
  const ind = Object.fromEntries(r.bidang.flatMap((b) => b.indikator.map((i) => [i.code, i])));

  it('indicator values and scores, digit for digit', () => {
    const rows = Object.values(ind).map((i) => [i.code, i.value, i.score, i.tidakBerlaku, i.tidakDilaporkan]);
    expect(rows).toEqual([
      ['B1.1', 83.33, 83.33, false, false],
      ['B1.2', 92, 76.67, false, true],
      ['B1.3', null, null, true, false],
      ['B2.1', 13, 100, false, false],
      ['B2.2', 1, 100, false, false],
      ['B3.1', 25, 86.81, false, false],
      ['B3.2', 3, 66.67, false, false],
      ['B4.1', 3, 60, false, false],
      ['B4.2', 72.4, 85, false, false],
    ]);
    expect(ind['B1.2']?.monthsReported).toBe(10);
    expect(ind['B1.1']?.effectiveWeight).toBe(62.5);
    expect(ind['B1.2']?.effectiveWeight).toBe(37.5);
  });

  it('bidang scores, total and predikat', () => {
    expect(r.bidang.map((b) => [b.code, b.score])).toEqual([
      ['B1', 80.83],
      ['B2', 100],
      ['B3', 76.74],
      ['B4', 70],
    ]);
    expect(r.bidang[0]?.scoreExact).toBeCloseTo(80.83125, 10);
    expect(r.totalExact).toBeCloseTo(83.596597222, 8);
    expect(r.total).toBe(83.6);
    expect(r.predikat).toBe('Baik');
  });

  it('docs/scoring.md shows the same numbers', () => {
    for (const s of [
      '| persyaratan | 17 | 3.40 |',
      '= 83.33',
      '76.666667',
      '86.805556',
      '66.666667',
      '80.83125',
      '76.736111',
      '83.596597',
      '**83.60**',
      '**Baik**',
    ]) {
      expect(doc).toContain(s);
    }
  });
});
