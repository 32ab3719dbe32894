// Vite hands a file imported with `?raw` over as its text (used for the district shapes, loaded with
// the map page only).
declare module "*.topojson?raw" {
  const text: string;
  export default text;
}
