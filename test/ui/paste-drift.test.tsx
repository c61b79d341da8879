// The TUI and pipe mode once drove the matcher each in their own way and drifted apart; these
// cases pin them together through the TUI's own wiring (useKnowledgeBase + usePasteView, as the
// app calls them) and pipe mode's (runPipe, the built KB):
// - a benign line (`role: benign`) is dropped in both: no card, no diagnosis, no guess;
// - `--ignore ID` drops ID's lines in both, and the line does not become a "not recognised" guess
//   (the TUI used to compile its matcher without ignored entries, so their lines fell through).
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { CompiledEntry } from '../../src/kb/types.js';
import { useKnowledgeBase } from '../../src/ui/use-knowledge-base.js';
import { usePasteView } from '../../src/ui/use-paste-view.js';
import { makeEntry } from '../helpers/make-entry.js';
import { SAMPLE_ENTRIES } from '../search/sample-kb.js';
import { runPipeWith } from '../helpers/run-pipe-with.js';
import { waitFor } from './render-tui.js';

const BENIGN = makeEntry({
  id: 'benign-overlay2-native-diff-warning',
  severity: 'info',
  role: 'benign',
  signatures: ['Not using native diff for overlay2, this may cause degraded performance'],
});
const BENIGN_LINE =
  'level=warning msg="Not using native diff for overlay2, this may cause degraded performance for building images: running in a user namespace" error="running in a user namespace"';
const SEED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
const ENTRIES: CompiledEntry[] = [...SAMPLE_ENTRIES, BENIGN];

type View = ReturnType<typeof usePasteView>;

/** The paste view's state as the app builds it, with no view or keys around it. */
function renderPasteState(ignore: readonly string[]) {
  let view: View | undefined;
  function Harness() {
    const kb = useKnowledgeBase(ENTRIES, ignore);
    view = usePasteView(kb, ignore, undefined, { width: 80, height: 24 });
    return null;
  }
  const rendered = render(<Harness />);
  return {
    paste: (text: string) => view!.paste(text),
    view: () => view!,
    unmount: rendered.unmount,
  };
}

/** Pastes, then waits until the view has read every line and no finding is pending. */
async function pasteAndSettle(ignore: readonly string[], text: string): Promise<View> {
  const tui = renderPasteState(ignore);
  const lines = text.trimEnd().split('\n').length;
  tui.paste(text);
  await waitFor(
    () => tui.view().linesRead === lines && tui.view().pending.length === 0,
    () => JSON.stringify(tui.view().cards),
  );
  // cards come out after the probes (none here): a few turns of the event loop at most
  await new Promise((resolve) => setTimeout(resolve, 50));
  const view = tui.view();
  tui.unmount();
  return view;
}

describe('drift between the TUI and pipe mode', () => {
  it('a benign line: no card in the TUI, nothing diagnosed or guessed in pipe mode', async () => {
    const view = await pasteAndSettle([], `${BENIGN_LINE}\n`);
    expect(view.cards).toEqual([]);
    expect(view.linesRead).toBe(1);

    const pipe = await runPipeWith(ENTRIES, BENIGN_LINE, []);
    expect(pipe.records).toEqual([{ type: 'summary', lines: 1, diagnoses: [], suggestions: 0 }]);
    expect(pipe.exitCode).toBe(0);
  });

  it('a benign line next to an error: the TUI shows the error only, as pipe mode does', async () => {
    const view = await pasteAndSettle([], `${BENIGN_LINE}\n${SEED}\n`);
    expect(view.cards.map((card) => card.kind === 'diagnosis' && card.diagnosis.id)).toEqual([
      'max-user-namespaces-too-low',
    ]);
    const pipe = await runPipeWith(ENTRIES, `${BENIGN_LINE}\n${SEED}`, []);
    expect(pipe.records.map((record) => record.id ?? record.type)).toEqual([
      'max-user-namespaces-too-low',
      'summary',
    ]);
  });

  it('--ignore: the line is neither diagnosed nor a "not recognised" guess, in either', async () => {
    const ignore = ['max-user-namespaces-too-low'];
    const view = await pasteAndSettle(ignore, `${SEED}\n`);
    expect(view.cards).toEqual([]);
    expect([view.diagnoses, view.guesses]).toEqual([0, 0]);

    const pipe = await runPipeWith(ENTRIES, SEED, ignore);
    expect(pipe.records).toEqual([{ type: 'summary', lines: 1, diagnoses: [], suggestions: 0 }]);
    expect(pipe.exitCode).toBe(0);
  });

  it('--ignore keeps the other entries: the line of one that is not ignored is diagnosed', async () => {
    const view = await pasteAndSettle(['subuid-range-missing'], `${SEED}\n`);
    expect(view.cards.map((card) => card.kind === 'diagnosis' && card.diagnosis.id)).toEqual([
      'max-user-namespaces-too-low',
    ]);
  });
});
