import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // Darker shades than Mantine's defaults so text on buttons and links keeps a 4.5:1 contrast.
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
});

/** Mantine's light and outline teal are below a 4.5:1 contrast on white: text in those variants uses teal 9. */
export const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-teal-light-color': 'var(--mantine-color-teal-9)',
    '--mantine-color-teal-outline': 'var(--mantine-color-teal-9)',
    '--mantine-color-teal-text': 'var(--mantine-color-teal-9)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-teal-9)',
    '--mantine-color-anchor': 'var(--mantine-color-teal-9)',
    // Placeholders (the evidence file input's "Pilih berkas…") at 4.5:1 on white too.
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
