import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/seed';
import { temporaryPassword } from '../users/users.rules';
import { createPasswordPolicy } from './password-policy';

const policy = createPasswordPolicy({ minScore: 3 });
const owner = { username: 'asep.s', namaLengkap: 'Asep Sunandar', nip: '198507172010011003' };

describe('password policy', () => {
  it.each([
    ['Bismillah123!', /paling sering dipakai/],
    ['Indonesia1945', /lemah|sering/],
    ['Pemkot-Bandung-2026', /mudah ditebak/],
    ['Kelurahan-Dago-2026!', /mudah ditebak/],
    ['rahasia-sayang-123', /mudah ditebak|lemah/],
    ['asep-sunandar-2026', /nama/],
    ['BandungJuara2026!', /paling sering dipakai/],
    ['qwertyuiop12', /lemah|sering/],
  ])('refuses %s, saying why in Indonesian', async (password, why) => {
    const problems = await policy.problems(password, owner);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join(' ')).toMatch(why);
  });

  it.each(['Kopi-Tubruk-Sore-Hujan-73', 'Tx9#mQ2!vLp4', 'lampu meja jeruk sepatu'])(
    'accepts %s',
    async (p) => {
      expect(await policy.problems(p, owner)).toEqual([]);
    },
  );

  it('a 400 names the field and every problem', async () => {
    await expect(policy.assertStrong('Bismillah123!', owner)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: expect.arrayContaining([expect.objectContaining({ path: 'newPassword' })]),
    });
  });

  it('the demo password and generated temporary passwords are strong', async () => {
    const demo = { username: 'admin', namaLengkap: 'Admin Bagian Tata Pemerintahan' };
    expect(await policy.problems(DEMO_PASSWORD, demo)).toEqual([]);
    for (let i = 0; i < 5; i++)
      expect(
        await policy.problems(
          temporaryPassword((n) => randomBytes(n)),
          owner,
        ),
      ).toEqual([]);
  });
});
