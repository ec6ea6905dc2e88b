import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Blue shade 8 as the filled colour: white text on it has a contrast of about 5:1 (WCAG 2.1 AA, 1.4.3).
 * Dimmed text uses gray 7 instead of Mantine's gray 6, which is below 4.5:1 on white; field errors red 9.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  fontFamily:
    'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif, "Apple Color Emoji"',
  headings: { fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Anchor: { defaultProps: { underline: 'hover' } },
    // Icon-only close buttons need an accessible name (WCAG 4.1.2).
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup' } } },
    // Titles in the text colour: Mantine's light yellow/green titles fall below 4.5:1 contrast.
    Alert: {
      defaultProps: { closeButtonLabel: 'Tutup' },
      styles: { title: { color: 'var(--mantine-color-text)' } },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Field errors (message and the invalid input's text): red 6 is about 3.6:1 on white, red 9 above 4.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
