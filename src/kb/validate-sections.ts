// Entry rules about the markdown body: `## Cause` and `## Fix` present, known sections in order.
import type { Issue } from './issue.js';
import type { ParsedEntry } from './parse-entry.js';
import { REQUIRED_SECTIONS, SECTIONS } from './entry-schema.js';

export function checkSections(parsed: ParsedEntry, issues: Issue[]) {
  const titles = parsed.sections.map((s) => s.title);
  let last = -1;
  for (const section of parsed.sections) {
    const order = (SECTIONS as readonly string[]).indexOf(section.title);
    if (order === -1 || order < last) {
      issues.push({
        file: parsed.file,
        ...section.position,
        code: 'section-order',
        message: `Unexpected section \`## ${section.title}\`${order === -1 ? '' : ' here'}, expected the sections ${SECTIONS.map((s) => `\`## ${s}\``).join(', ')} in that order`,
      });
    }
    last = Math.max(last, order);
  }
  for (const required of REQUIRED_SECTIONS) {
    if (titles.includes(required)) continue;
    const after = parsed.sections[0]?.position ?? { line: 1, column: 1 };
    issues.push({
      file: parsed.file,
      ...after,
      code: 'section-missing',
      message: `Missing section \`## ${required}\`, expected it in the body after the front matter`,
    });
  }
}
