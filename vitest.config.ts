import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    // Ink renders differently under CI=true; component tests set their own environment.
    env: { FORCE_COLOR: '0' },
  },
});
