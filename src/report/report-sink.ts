// Pipe mode's front end as a sink of the diagnosis session's events: each diagnosis and suggestion
// is rendered by the chosen reporter (text or JSON Lines) the moment it arrives, and at the end of
// input the ranked summary. A verdict judged again later (a version the log stated after the
// failure line) is not printed twice: the summary carries the verdict that stands.
import type { SessionSink } from '../diagnose/diagnosis-session.js';
import type { Reporter } from './reporter.js';

export function createReportSink(reporter: Reporter, write: (text: string) => void): SessionSink {
  return (event) => {
    switch (event.type) {
      case 'diagnosis':
        write(reporter.diagnosis(event.diagnosis));
        break;
      case 'suggestion':
        write(reporter.suggestion(event.suggestion));
        break;
      case 'summary':
        write(reporter.summary({ summary: event.summary, ranked: event.ranked }));
        break;
      case 'found':
      case 'verdict-updated':
        break;
    }
  };
}
