// Types of scripts/compress-assets.mjs (plain JavaScript, run after every web build).
export function compressAssets(dir: string): Promise<number>;
