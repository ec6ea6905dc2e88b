import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoizeFlatParts } from './validation';

const schema = z.object({
  tahun: z.coerce.number().int().min(2000),
  level: z.enum(['kecamatan', 'kelurahan']),
});
type Result = { value?: Record<string, unknown>; error?: unknown };

function compile(httpPart: string, max?: number) {
  const calls = { n: 0 };
  const counting = (route: { schema: unknown }) => {
    const v = validatorCompiler(route as never) as (d: unknown) => unknown;
    return (d: unknown) => {
      calls.n++;
      return v(d);
    };
  };
  const validate = memoizeFlatParts(
    counting as never,
    max,
  )({
    schema,
    method: 'GET',
    url: '/x',
    httpPart,
  } as never) as (d: unknown) => Result;
  return { validate, calls };
}

describe('memoizeFlatParts: validation of path parameters and query strings kept per input', () => {
  it('validates a repeated query once and answers the same frozen value', () => {
    const { validate, calls } = compile('querystring');
    const a = validate({ tahun: '2026', level: 'kelurahan' });
    const b = validate({ tahun: '2026', level: 'kelurahan' });
    expect(a.value).toEqual({ tahun: 2026, level: 'kelurahan' });
    expect(b).toBe(a);
    expect(Object.isFrozen(a.value)).toBe(true);
    expect(calls.n).toBe(1);
    // Another value is another input.
    expect(validate({ tahun: '2026', level: 'kecamatan' }).value).toEqual({
      tahun: 2026,
      level: 'kecamatan',
    });
    expect(calls.n).toBe(2);
  });

  it('never keeps a refusal: a bad input is refused every time', () => {
    const { validate, calls } = compile('params');
    expect(validate({ tahun: 'abc', level: 'kelurahan' }).error).toBeDefined();
    expect(validate({ tahun: 'abc', level: 'kelurahan' }).error).toBeDefined();
    expect(calls.n).toBe(2);
  });

  it('keys cannot collide across fields, and non-string values are validated each time', () => {
    const { validate, calls } = compile('querystring');
    expect(validate({ tahun: '2026', level: 'kelurahan' }).value).toBeDefined();
    // The same characters split differently is a different input (and invalid).
    expect(validate({ tahun: '2026\u0001level\u0000kelurahan' }).error).toBeDefined();
    // A repeated query parameter arrives as an array: validated, never memoised.
    expect(validate({ tahun: ['2026', '2027'], level: 'kelurahan' }).error).toBeDefined();
    expect(validate({ tahun: ['2026', '2027'], level: 'kelurahan' }).error).toBeDefined();
    expect(calls.n).toBe(4);
  });

  it('leaves bodies and headers alone, and stays bounded', () => {
    const body = compile('body');
    const input = { tahun: '2026', level: 'kelurahan' };
    expect(body.validate(input)).not.toBe(body.validate(input));
    expect(body.calls.n).toBe(2);
    const small = compile('querystring', 2);
    for (const t of ['2001', '2002', '2003', '2001']) small.validate({ tahun: t, level: 'kelurahan' });
    // 2001, 2002 kept; 2003 clears the full map; 2001 is validated again.
    expect(small.calls.n).toBe(4);
  });
});
