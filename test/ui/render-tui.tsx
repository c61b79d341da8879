// Renders the app with ink-testing-library (100 columns, or fewer through a resize) and the sample
// KB, and waits for frames by polling with a timeout, never by sleeping a fixed time.
import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../src/ui/app.js';
import { SAMPLE_ENTRIES } from '../search/sample-kb.js';

export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  right: '\x1b[C',
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  backspace: '\x7f',
  ctrlC: '\x03',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
} as const;

export function bracketedPaste(text: string): string[] {
  return ['\x1b[200~', text, '\x1b[201~'];
}

export async function waitFor(check: () => boolean, describe: () => string, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last frame:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function renderTui(props: Partial<AppProps> = {}, columns?: number) {
  const copied: string[] = [];
  const result = render(
    <App entries={SAMPLE_ENTRIES} color={false} copy={(text) => copied.push(text)} {...props} />,
  );
  const frame = () => result.lastFrame() ?? '';
  if (columns !== undefined) {
    Object.defineProperty(result.stdout, 'columns', { get: () => columns });
    result.stdout.emit('resize');
  }
  // keys written before the app listens would be lost
  await waitFor(() => result.stdin.listenerCount('readable') > 0, frame);

  return {
    ...result,
    copied,
    frame,
    /** waits until the frame contains `text`, then returns the frame with trailing spaces trimmed */
    async waitForText(text: string): Promise<string> {
      await waitFor(() => frame().includes(text), frame);
      return trimLines(frame());
    },
    waitFor: (check: () => boolean) => waitFor(check, frame),
    /** writes each chunk as one read, as a terminal would deliver it */
    write(...chunks: string[]) {
      for (const chunk of chunks) result.stdin.write(chunk);
    },
  };
}

export function trimLines(frame: string): string {
  return frame
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}
