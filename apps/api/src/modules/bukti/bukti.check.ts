import { fileTypeFromBuffer } from 'file-type';
import { stripBidi } from '../../lib/text';

/** What we accept as bukti dukung, by the type found in the bytes (never the name or the browser's claim). */
const allowed: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

export type FileCheck = { ok: true; mime: string } | { ok: false; message: string };

export async function checkEvidenceFile(name: string, data: Buffer): Promise<FileCheck> {
  if (data.length === 0) return { ok: false, message: 'Berkas kosong.' };
  const detected = await fileTypeFromBuffer(data);
  const ext = path_ext(name);
  if (!detected || !allowed[detected.mime]) {
    return { ok: false, message: 'Jenis berkas tidak diizinkan: unggah PDF, JPEG atau PNG.' };
  }
  if (!allowed[detected.mime]!.includes(ext)) {
    return {
      ok: false,
      message: `Isi berkas (${detected.ext.toUpperCase()}) tidak sesuai dengan namanya "${name}". Unggah berkas aslinya.`,
    };
  }
  return { ok: true, mime: detected.mime };
}

function path_ext(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i + 1).toLowerCase();
}

/**
 * A name safe to show and to put in Content-Disposition: no path, no control characters, no
 * bidirectional overrides (a name must read as what it is), bounded.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'berkas';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = stripBidi(base.replace(/[\u0000-\u001f\u007f"]/g, '')).trim();
  return (cleaned || 'berkas').slice(0, 200);
}
