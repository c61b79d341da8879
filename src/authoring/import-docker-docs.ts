// Turns the markdown source of Docker's rootless troubleshooting page into draft KB entries, one
// per troubleshooting item (find-docs-items.ts): the error it names, its cause prose, console
// blocks and fix. Hugo shortcodes are removed before parsing; entities and escapes are decoded
// (decode-docs-markup.ts). Drafts pass `kb lint`; a maintainer then curates them (named captures,
// real near-miss examples, prose in our words). Pure: markdown string in, drafts out.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { stringify } from 'yaml';
import type { RootContent } from 'mdast';
import type { EntrySource } from '../kb/types.js';
import {
  firstSentence,
  fixesOf,
  keywordsOf,
  linksOf,
  probesOf,
  slugify,
  truncate,
  type DocsItem,
} from '../kb/read-docs-item.js';
import { decodeProse, stripShortcodes } from '../kb/decode-docs-markup.js';
import { findDocsItems } from '../kb/find-docs-items.js';
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

const DEFAULT_URL = 'https://docs.docker.com/engine/security/rootless/troubleshoot/';

export function importDockerDocs(
  page: string,
  options: ImportOptions = { url: DEFAULT_URL },
): Draft[] {
  const markdown = stripShortcodes(page);
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown);
  const used = new Set<string>();
  return findDocsItems(tree).map((item) => {
    const id = uniqueId(slugify(item.error), used);
    return { id, text: renderDraft(item, markdown, options.url) };
  });
}

function renderDraft(item: DocsItem, markdown: string, url: string): string {
  const error = item.error;
  const { regex, example, captures } = signatureFor(error);
  const prose = item.nodes
    .filter((n) => n.type === 'paragraph')
    .map((n) => decodeProse(sourceOf(n, markdown)));
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
  // the cause is what comes up to the first paragraph (a console block may show the error first)
  const body = item.nodes.map((n) => decodeProse(sourceOf(n, markdown)));
  const split = item.nodes.findIndex((n) => n.type === 'paragraph') + 1 || 1;
  const cause = body.slice(0, split).join('\n\n') || 'Not described upstream.';
  const fix = body.slice(split).join('\n\n') || 'See the linked documentation.';
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
