// The single executable (`npm run sea`) has no package on disk: package.json and the compiled KB
// are assets inside it, read with node:sea.
export async function readSeaAsset(name: 'kb.json' | 'package.json'): Promise<string> {
  const { getAsset } = await import('node:sea');
  return getAsset(name, 'utf8');
}

declare const ROOTLESS_DOCTOR_SEA: boolean;

/** true only in the executable (esbuild's `define`); false in dist/ and when run from src/ */
export function inSingleExecutable(): boolean {
  return typeof ROOTLESS_DOCTOR_SEA !== 'undefined' && ROOTLESS_DOCTOR_SEA;
}
