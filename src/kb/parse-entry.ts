// Parses one kb/<id>.md file into its YAML front matter (as a yaml Document, so every value keeps
// its position) and its `## ` sections, with a function that turns a path in the front matter into
// a line and column in the file. This is the only place (with the importer) that loads unified,
// remark and yaml: pipe mode reads the compiled dist/kb.json instead.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Issue, Position } from './issue.js';

export type YamlPath = readonly (string | number)[];

export interface Section {
  title: string;
  /** the markdown between this heading and the next `## ` heading, trimmed */
  body: string;
  position: Position;
}

export interface ParsedEntry {
  id: string;
  file: string;
  /** the front matter as plain data; undefined when there is none or it does not parse */
  data: unknown;
  sections: Section[];
  /** syntax problems: no front matter, invalid YAML */
  issues: Issue[];
  /** position of the value (or, with `key`, of the key) at `path`; the nearest parent if absent */
  locate(path: YamlPath, which?: 'value' | 'key'): Position;
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export function parseEntry(file: string, id: string, text: string): ParsedEntry {
  const toPosition = positionFinder(text);
  const tree = markdown.parse(text);
  const issues: Issue[] = [];
  const first = tree.children[0];
  let doc: Document | undefined;
  let yamlStart = 0;

  if (first?.type === 'yaml' && first.position) {
    yamlStart = text.indexOf('\n', first.position.start.offset ?? 0) + 1;
    doc = parseDocument(first.value, { prettyErrors: false, uniqueKeys: true });
    for (const error of doc.errors) {
      const at = toPosition(yamlStart + (error.pos[0] ?? 0));
      issues.push({ file, ...at, code: 'yaml-invalid', message: yamlMessage(error.message) });
    }
  } else {
    issues.push({
      file,
      line: 1,
      column: 1,
      code: 'front-matter-missing',
      message: 'Unexpected start of file, expected YAML front matter between `---` lines',
    });
  }

  const sections: Section[] = [];
  for (const [index, node] of tree.children.entries()) {
    if (node.type !== 'heading' || node.depth !== 2 || !node.position) continue;
    const next = tree.children.slice(index + 1).find((n) => n.type === 'heading' && n.depth <= 2);
    const start = node.position.end.offset ?? 0;
    const end = next?.position?.start.offset ?? text.length;
    sections.push({
      title: text.slice((node.position.start.offset ?? 0) + 3, start).trim(),
      body: text.slice(start, end).trim(),
      position: { line: node.position.start.line, column: node.position.start.column },
    });
  }

  const usable = doc && doc.errors.length === 0 ? doc : undefined;
  return {
    id,
    file,
    data: usable?.toJS(),
    sections,
    issues,
    locate(path, which = 'value') {
      if (!usable) return { line: 1, column: 1 };
      return toPosition(yamlStart + offsetOf(usable, path, which));
    },
  };
}

/** The offset in the YAML text of the node at `path`, or of its nearest existing ancestor. */
function offsetOf(doc: Document, path: YamlPath, which: 'value' | 'key'): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [depth, step] of path.entries()) {
    const last = depth === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyOf(item.key) === step);
      if (!pair) return offset;
      if (last && which === 'key') return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      if (node === undefined) return offset;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function keyOf(key: unknown): unknown {
  return isScalar(key) ? key.value : key;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return `Unexpected YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

function positionFinder(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}
