// Turns the markdown source of Docker's rootless-mode page into draft KB entries: one per item of
// its Troubleshooting section (a bold paragraph naming the error, then cause prose, console
// blocks and the fix). Drafts pass `kb lint`; a maintainer then curates them (named captures,
// real near-miss examples, prose in our words). Pure: markdown string in, drafts out.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { stringify } from 'yaml';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { EntrySource, Fix, ProbeSpec } from './types.js';
import { normalizeLine } from '../match/normalize-line.js';

export interface Draft {
  id: string;
  /** the whole kb/<id>.md file */
  text: string;
}

export interface ImportOptions {
  /** the page the drafts link to */
  url: string;
}

interface Item {
  heading: string;
  error: string;
  nodes: RootContent[];
}

const DEFAULT_URL = 'https://docs.docker.com/engine/security/rootless/';

export function importDockerDocs(markdown: string, options: ImportOptions = { url: DEFAULT_URL }): Draft[] {
  const tree = unified().use(remarkParse).parse(markdown);
  const used = new Set<string>();
  return troubleshootingItems(tree, markdown).map((item) => {
    const id = uniqueId(slugify(item.error), used);
    return { id, text: renderDraft(item, markdown, options.url) };
  });
}

/** The bold-paragraph items under `## Troubleshooting`, grouped by their `###` heading. */
function troubleshootingItems(tree: Root, markdown: string): Item[] {
  const items: Item[] = [];
  let inSection = false;
  let heading = '';
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      inSection = node.depth === 2 && plainText(node.children) === 'Troubleshooting';
      continue;
    }
    if (!inSection) continue;
    if (node.type === 'heading') {
      heading = plainText(node.children);
      continue;
    }
    const bold = boldParagraphText(node, markdown);
    if (bold !== undefined) items.push({ heading, error: bold, nodes: [] });
    else items.at(-1)?.nodes.push(node);
  }
  return items;
}

function boldParagraphText(node: RootContent, markdown: string): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const [only, ...rest] = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (!only || rest.length > 0 || only.type !== 'strong') return undefined;
  // "`docker run -p` fails with `cannot expose privileged port`": the error is the quoted part
  const source = sourceOf(node, markdown);
  const quoted = /fails? with [`"“](.+?)[`"”]\*\*$/.exec(source);
  return quoted?.[1] ?? plainText(only.children).trim();
}

function renderDraft(item: Item, markdown: string, url: string): string {
  const error = item.error;
  const { regex, example, captures } = signatureFor(error);
  const prose = item.nodes.filter((n) => n.type === 'paragraph').map((n) => sourceOf(n, markdown));
  const expected = /expected behavio/i.test(prose.join(' ')) || /tips/i.test(item.heading);
  const source: EntrySource = {
    title: truncate(error, 90),
    summary: truncate(firstSentence(prose[0] ?? `Docker's documentation lists \`${error}\`.`), 200),
    severity: expected ? 'info' : 'error',
    tags: [slugify(item.heading.replace(/errors?/i, '')) || 'troubleshooting', 'imported'],
    keywords: keywordsOf(item),
    signatures: [{ regex }],
    ...(Object.keys(captures).length ? { captures } : {}),
    ...(probesOf(item).length ? { probes: probesOf(item) } : {}),
    fixes: fixesOf(item, prose),
    examples: { match: [{ text: example }], 'no-match': [nearMiss(example)] },
    links: [...new Set([url, ...linksOf(item)])],
  };
  const body = item.nodes.map((n) => sourceOf(n, markdown));
  const cause = body.slice(0, 1).join('\n\n') || 'Not described upstream.';
  const fix = body.slice(1).join('\n\n') || 'See the linked documentation.';
  const yaml = stringify(source, { lineWidth: 0, singleQuote: true });
  return `---\n${yaml}---\n\n## Cause\n\n${cause}\n\n## Fix\n\n${fix}\n`;
}

/**
 * Escapes the error as pipe mode sees it after normalisation (no `docker: ` prefix, logrus quoting
 * undone); the example keeps the text as the docs print it. `<NAME>` placeholders of the docs
 * become named captures.
 */
function signatureFor(error: string) {
  const captures: Record<string, string> = {};
  let regex = '';
  for (const part of normalizeLine(error).split(/(<[A-Z_]+>)/)) {
    const placeholder = /^<([A-Z_]+)>$/.exec(part);
    if (placeholder?.[1]) {
      const name = placeholder[1].toLowerCase();
      captures[name] = '[^\\s:]{1,4096}';
      regex += `(?<${name}>[^\\s:]+)`;
    } else {
      regex += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  let example = '';
  for (const part of error.split(/(<[A-Z_]+>)/)) {
    const placeholder = /^<([A-Z_]+)>$/.exec(part);
    if (placeholder?.[1]) {
      const name = placeholder[1].toLowerCase();
      example += name === 'file' || name === 'path' ? '/usr/share/doc/example' : 'example';
    } else {
      example += part;
    }
  }
  return { regex, example, captures };
}

/** The example with its last word cut off: close to it, and not a match. */
function nearMiss(example: string): string {
  const cut = example.replace(/\s*\S+\s*$/, '');
  return cut.length >= 3 ? cut : `${example.slice(0, -1)} (not this)`;
}

function probesOf(item: Item): ProbeSpec[] {
  const probes: ProbeSpec[] = [];
  for (const node of item.nodes) {
    if (node.type !== 'code') continue;
    const lines = node.value.split('\n');
    for (const [index, line] of lines.entries()) {
      const output = lines[index + 1]?.trim() ?? '';
      const sysctl = /^\$ cat \/proc\/sys\/([a-z0-9_/]+)\s*$/.exec(line);
      if (sysctl?.[1] && output && !output.startsWith('$')) {
        const key = sysctl[1].replaceAll('/', '.');
        probes.push({ id: slugify(key), kind: 'sysctl', key, confirms: { equals: output.replace(/\s+/g, ' ') } });
      }
      const subid = /^\$ grep .* (\/etc\/sub[ug]id)\s*$/.exec(line);
      if (subid?.[1] && !probes.some((p) => p.kind === 'subid' && p.file === subid[1])) {
        const file = subid[1] as '/etc/subuid' | '/etc/subgid';
        probes.push({ id: `${file.slice(5)}-range`, kind: 'subid', file, confirms: { missing: true } });
      }
      const unit = /^\$ systemctl --user is-active ([a-z0-9@._-]+)\s*$/.exec(line);
      if (unit?.[1] && output === 'inactive') {
        probes.push({ id: `${unit[1]}-active`, kind: 'service', unit: unit[1], scope: 'user', confirms: { active: false } });
      }
    }
  }
  return probes;
}

function fixesOf(item: Item, prose: string[]): Fix[] {
  const fixes: Fix[] = [];
  for (const paragraph of prose) {
    const setting = /`([a-z0-9_.]+=[0-9a-z ]+)`\s+to\s+`\/etc\/sysctl\.conf`/.exec(paragraph);
    if (setting?.[1]) {
      fixes.push({
        text: `Set ${setting[1]} now and on every boot.`,
        command: `echo '${setting[1]}' | sudo tee /etc/sysctl.d/99-rootless.conf && sudo sysctl --system`,
        root: true,
      });
    }
  }
  for (const node of item.nodes) {
    if (node.type !== 'code' || node.lang !== 'console') continue;
    const commands = node.value.split('\n').filter((l) => /^\$ (sudo|export|systemctl|ssh|docker run -p \d{4,})/.test(l));
    for (const line of commands) {
      const command = line.slice(2).trim();
      if (fixes.some((f) => f.command === command)) continue;
      fixes.push({ text: `Run \`${truncate(command, 60)}\`.`, command, root: command.startsWith('sudo ') });
    }
  }
  if (fixes.length === 0) {
    fixes.push({ text: truncate(firstSentence(prose.at(-1) ?? 'See the linked documentation.'), 200), root: false });
  }
  return fixes;
}

function keywordsOf(item: Item): string[] {
  const words = new Set<string>();
  const visit = (nodes: readonly (RootContent | PhrasingContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'inlineCode' && node.value.length <= 60) words.add(node.value);
      if ('children' in node) visit(node.children as (RootContent | PhrasingContent)[]);
    }
  };
  visit(item.nodes);
  return words.size ? [...words].slice(0, 8) : [item.error.slice(0, 60)];
}

function linksOf(item: Item): string[] {
  const links: string[] = [];
  const visit = (nodes: readonly (RootContent | PhrasingContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'link' && node.url.startsWith('https://')) links.push(node.url);
      if ('children' in node) visit(node.children as (RootContent | PhrasingContent)[]);
    }
  };
  visit(item.nodes);
  return links;
}

function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) =>
      node.type === 'text' || node.type === 'inlineCode'
        ? node.value
        : 'children' in node
          ? plainText(node.children as PhrasingContent[])
          : '',
    )
    .join('');
}

function sourceOf(node: RootContent, markdown: string): string {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return markdown.slice(start, end).trim();
}

function firstSentence(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const end = plain.search(/[.:](\s|$)/);
  return end === -1 ? plain : `${plain.slice(0, end)}.`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'to', 'of', 'is', 'in', 'on', 'with', 'when', 'error', 'errors', 'rootlesskit', 'parent', 'docker']);

function slugify(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w) && !STOP_WORDS.has(w));
  return words.slice(-6).join('-');
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base || 'troubleshooting-item';
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
