import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  luminance,
  type MantineColorsTuple,
  Modal,
} from "@mantine/core";

/** WCAG 2.1 AA for normal text; a little headroom against rounding in the browser's colour maths. */
const minimumContrast = 4.6;
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
/** The colour itself, or just as much darker as text on (or white text in) `background` needs. */
function readableOn(color: string, background: string): string {
  let c = color;
  for (let step = 0; step < 30 && contrast(c, background) < minimumContrast; step++) c = darken(c, 0.04);
  return c;
}

/**
 * Mantine's palettes are light: white text on a filled button (shade 8 here) and the text of a light
 * badge or alert (shade 9 on shade 1) miss 4.5:1 for most colours. Shades 8 and 9 are darkened just
 * enough, so every colour any feature picks is readable in every variant.
 */
function accessible(colors: MantineColorsTuple): MantineColorsTuple {
  const shade8 = readableOn(colors[8], "#ffffff");
  const shade9 = readableOn(readableOn(colors[9], colors[1]), colors[0]);
  return [colors[0], colors[1], colors[2], colors[3], colors[4], colors[5], colors[6], colors[7], shade8, shade9];
}

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  defaultRadius: "sm",
  colors: Object.fromEntries(Object.entries(DEFAULT_THEME.colors).map(([name, tuple]) => [name, accessible(tuple)])),
  components: {
    // A status must never be cut to "AK…": badges keep their width in narrow table cells.
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, maxWidth: "none", overflow: "visible" }, label: { overflow: "visible" } } }),
    // A dialog's title bar is no page banner: Mantine renders it as <header>, which axe counts as a second one.
    Modal: Modal.extend({ defaultProps: { attributes: { header: { role: "presentation" } } } }),
  },
});

/** Secondary text, placeholders and field errors dark enough to read: gray 7 is 8:1 on white, gray 6 only 3.3:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-8)",
  },
  dark: {},
});
