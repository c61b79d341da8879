// The terminal's size, following resizes. Ink lays out to stdout.columns too; rows matter because
// a live area as tall as the screen makes Ink clear and redraw everything on each frame.
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export const DEFAULT_COLUMNS = 80;
export const DEFAULT_ROWS = 24;

export interface TerminalSize {
  columns: number;
  rows: number;
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => readSize(stdout));
  useEffect(() => {
    const onResize = () => setSize(readSize(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function readSize(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || DEFAULT_COLUMNS, rows: stdout.rows || DEFAULT_ROWS };
}
