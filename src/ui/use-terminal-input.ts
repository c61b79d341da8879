// Subscribes to the raw input Ink reads (one event per escape sequence or run of characters) and
// hands decoded keys and pastes to `onInput`. The events come from the emitter in Ink's stdin
// context (typed in Ink's public Props, named internal_): useInput would hand us parsed keys,
// from which the paste markers and a paste's own escape sequences cannot be recovered.
// Raw mode is asked of Ink, not of the stream, so Ink restores the terminal on exit. Inactive when
// the terminal cannot do raw mode (stdin not a TTY).
import { useStdin } from 'ink';
import { useEffect, useRef } from 'react';
import { createInputDecoder, type InputEvent } from './decode-terminal-input.js';

/** An unterminated bracketed paste (a lost end marker) is let go after this long without input. */
export const PASTE_IDLE_MS = 1000;

export function useTerminalInput(onInput: (event: InputEvent) => void): void {
  const { setRawMode, isRawModeSupported, internal_eventEmitter: emitter } = useStdin();
  const handler = useRef(onInput);
  handler.current = onInput;

  useEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isRawModeSupported, setRawMode]);

  useEffect(() => {
    if (!isRawModeSupported) return;
    const decoder = createInputDecoder();
    let idle: NodeJS.Timeout | undefined;
    const deliver = (events: InputEvent[]) => {
      for (const event of events) handler.current(event);
    };
    const onRaw = (raw: string) => {
      clearTimeout(idle);
      deliver(decoder.push(raw));
      if (decoder.inPaste) idle = setTimeout(() => deliver(decoder.flush()), PASTE_IDLE_MS);
    };
    emitter.on('input', onRaw);
    return () => {
      clearTimeout(idle);
      emitter.off('input', onRaw);
    };
  }, [emitter, isRawModeSupported]);
}
