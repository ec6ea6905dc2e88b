// Runs one shared kinerja vector case (vectors/kinerja-vectors.json). Kept apart from vectors.json,
// whose browser run (e2e/tests/scoring-vectors.spec.ts) knows only the rapor functions. Whoever runs
// these elsewhere (the API) dispatches the same way: inputs are the functions' own arguments as JSON,
// a thrown error becomes { error: { name, code } }.
import * as scoring from '../src/index';

export interface KinerjaVectorCase {
  name: string;
  fn:
    | 'nilaiKinerjaBulanan'
    | 'hariKerjaBulan'
    | 'isHariKerja'
    | 'mingguIso'
    | 'tambahHariKerja'
    | 'kinerjaSettingsSchema';
  input: unknown;
  expected: unknown;
}

type Api = typeof scoring;

export function runKinerjaCase(api: Api, c: Pick<KinerjaVectorCase, 'fn' | 'input'>): unknown {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: inputs come from JSON and are checked by the functions
    const input = c.input as any;
    let out: unknown;
    switch (c.fn) {
      case 'nilaiKinerjaBulanan':
        out = api.nilaiKinerjaBulanan(input);
        break;
      case 'hariKerjaBulan':
        out = api.hariKerjaBulan(input);
        break;
      case 'isHariKerja':
        out = api.isHariKerja(input.date, input.hariKerja, input.libur);
        break;
      case 'mingguIso':
        out = api.mingguIso(input.date);
        break;
      case 'tambahHariKerja':
        out = api.tambahHariKerja(input.date, input.n, input.hariKerja, input.libur);
        break;
      case 'kinerjaSettingsSchema': {
        // The settings with their defaults, or the fields refused (zod's own wording is not shared).
        const parsed = api.kinerjaSettingsSchema.safeParse(input);
        out = parsed.success
          ? { valid: true, settings: parsed.data }
          : { valid: false, paths: parsed.error.issues.map((i) => i.path.join('.')) };
        break;
      }
    }
    return JSON.parse(JSON.stringify(out));
  } catch (e) {
    const err = e as { name?: string; code?: string };
    return { error: { name: err.name ?? 'Error', code: err.code ?? null } };
  }
}

export const api: Api = scoring;
