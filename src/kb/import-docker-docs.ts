// Turns the markdown source of Docker's rootless-mode page into draft KB entries: one per item of
// its Troubleshooting section (a bold paragraph naming the error, then cause prose, console
// blocks and the fix). Drafts pass `kb lint`; a maintainer then curates them (named captures,
// real near-miss examples, prose in our words). Pure: markdown string in, drafts out.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { stringify } from 'yaml';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { EntrySource } from './types.js';
import { firstSentence, fixesOf, keywordsOf, linksOf, probesOf, slugify, truncate, type DocsItem } from './read-docs-item.js';
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
function troubleshootingItems(tree: Root, markdown: string): DocsItem[] {
  const items: DocsItem[] = [];
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

function renderDraft(item: DocsItem, markdown: string, url: string): string {
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

function uniqueId(base: string, used: Set<string>): string {
  let id = base || 'troubleshooting-item';
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
