import { it } from 'vitest';
import { createTestApp } from '/work/main/apps/api/test/helpers';
import { sql } from 'drizzle-orm';
it('nul', async () => {
  const ctx = await createTestApp();
  try { await ctx.database.db.execute(sql`select ${'a\u0000b'}::text`); } catch (e) { console.log('ERR', (e as any).code, (e as any).message, Object.keys(e as any), (e as any).cause?.code, (e as any).cause?.message); }
  await ctx.close();
});
