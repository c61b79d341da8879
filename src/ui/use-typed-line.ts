// The line typed by hand in the paste view. Enter hands it to the session like a one-line paste.
// Only printable text gets in: the decoder already drops escape sequences and C0 controls, and C1
// controls and the format characters that reorder text are removed here, so what is echoed is
// what the matcher will read. The length is bounded like the browse filter's.
import { useSyncedReducer } from './use-synced-reducer.js';

export const MAX_TYPED_LENGTH = 4096;

export type TypedLineAction =
  { type: 'insert'; text: string } | { type: 'delete-back' } | { type: 'clear' };

const UNPRINTABLE = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function typedLineReducer(line: string, action: TypedLineAction): string {
  switch (action.type) {
    case 'insert': {
      // one line only: what follows a line break would be another line, typed or not
      const text = (action.text.split(/[\r\n]/)[0] ?? '').replaceAll(UNPRINTABLE, '');
      return [...(line + text)].slice(0, MAX_TYPED_LENGTH).join('');
    }
    case 'delete-back':
      return [...line].slice(0, -1).join('');
    case 'clear':
      return '';
  }
}

export function useTypedLine() {
  const [line, dispatch, latest] = useSyncedReducer(typedLineReducer, () => '');
  return { line, latest, dispatch };
}
