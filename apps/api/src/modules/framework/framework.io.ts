import { FRAMEWORK_EXPORT_FORMAT, type FrameworkExport } from '@sip/contracts';
import type { Framework } from '@sip/scoring';

export function toExport(
  framework: Framework,
  sumber: { pemdaKode: string; pemdaNama: string; tahun: number },
  now: Date,
): FrameworkExport {
  return {
    format: FRAMEWORK_EXPORT_FORMAT,
    formatVersion: 1,
    sumber,
    diekspor: now.toISOString(),
    framework,
  };
}

/** Accepts what "Ekspor JSON" wrote (the envelope) or a bare framework; validation happens after. */
export function unwrapImport(input: unknown): unknown {
  if (
    input &&
    typeof input === 'object' &&
    (input as { format?: unknown }).format === FRAMEWORK_EXPORT_FORMAT
  ) {
    return (input as { framework?: unknown }).framework;
  }
  return input;
}
