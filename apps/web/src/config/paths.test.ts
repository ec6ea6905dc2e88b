import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './paths';

describe('safeReturnPath', () => {
  it.each([
    ['/laporan/unit/32.73.02?tahun=2026#isian', '/laporan/unit/32.73.02?tahun=2026#isian'],
    ['/wilayah', '/wilayah'],
  ])('keeps a path on this site: %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example', // `/%09/evil.example` once the query is decoded
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\\/evil.example',
    '/..//evil.example',
    '/%2e%2e//evil.example',
    'javascript:alert(1)',
    '/masuk?kembali=/laporan',
  ])('sends anything else home: %j', (value) => {
    expect(safeReturnPath(value)).toBe('/');
  });
});
