/** Escapes LIKE/ILIKE wildcards so user input matches literally (default escape character \). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
