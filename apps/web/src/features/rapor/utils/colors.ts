// Predikat colours dark enough for white text (WCAG AA 4.5:1).
export const predikatColor = (p: string | null | undefined) =>
  p === 'Sangat Baik'
    ? '#1b6e2e'
    : p === 'Baik'
      ? '#1864ab'
      : p === 'Cukup'
        ? '#7a5a00'
        : p
          ? '#a61e1e'
          : 'gray';

/** Distinct, accessible series colours (bidang, compared units). */
export const seriesColors = ['#1864ab', '#2b8a3e', '#c2255c', '#e8590c', '#6741d9', '#0b7285'];
