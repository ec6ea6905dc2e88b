/** The dotted keys of a resource object whose leaves are strings ('login.title'). */
export type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type Translate<T> = (key: KeyOf<T>, vars?: Record<string, string | number>) => string;

/**
 * i18next's `t` for the two light entries (masuk.html, survei.html), whose JS budgets cannot carry
 * i18next: the same resource objects, dotted keys and `{{name}}` interpolation; no plurals.
 */
export function createTranslate<T extends object>(resources: T): Translate<T> {
  return (key, vars) => {
    let node: unknown = resources;
    for (const part of String(key).split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const text = typeof node === 'string' ? node : key;
    return vars ? text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  };
}
