// Finds the troubleshooting items of Docker's docs page in its parsed markdown. The section is the
// one under a `Troubleshooting` heading (any level); an item is either a paragraph that is all bold
// (`**could not get XDG_RUNTIME_DIR**`) or a heading of any level that names a problem
// (`#### Ping doesn't work`). A heading is a group instead, and names the items under it, when it
// has bold items of its own or subheadings that are items; subheadings that only split one
// item's fix (`##### Workaround 1: …`) stay part of it. A group's intro text belongs to no item.
import type { Heading, PhrasingContent, Root, RootContent } from 'mdast';
import type { DocsItem } from './read-docs-item.js';

/** Subheadings that are parts of one item's fix, not items of their own. */
const ITEM_PART = /^(?:workaround|solution|fix|option|method|step|alternative)s?\b/i;

export function findDocsItems(tree: Root): DocsItem[] {
  const nodes = troubleshootingSection(tree.children);
  const items: DocsItem[] = [];
  const groups: { depth: number; title: string }[] = [];
  let current: DocsItem | undefined;
  /** the level of the current item's heading; subheadings below it are part of the item */
  let itemDepth = Infinity;
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'heading') {
      if (current && node.depth > itemDepth) {
        current.nodes.push(node);
        continue;
      }
      while ((groups.at(-1)?.depth ?? 0) >= node.depth) groups.pop();
      current = undefined;
      itemDepth = Infinity;
      if (isGroup(node, nodes.slice(index + 1))) {
        groups.push({ depth: node.depth, title: plainText(node.children).trim() });
      } else {
        current = { heading: groups.at(-1)?.title ?? '', error: errorOf(node.children), nodes: [] };
        itemDepth = node.depth;
        items.push(current);
      }
      continue;
    }
    const bold = boldParagraph(node);
    if (bold) {
      current = { heading: groups.at(-1)?.title ?? '', error: errorOf(bold), nodes: [] };
      items.push(current);
    } else {
      current?.nodes.push(node);
    }
  }
  return items;
}

/** The nodes after the `Troubleshooting` heading, up to the next heading of its level or higher. */
function troubleshootingSection(nodes: RootContent[]): RootContent[] {
  const start = nodes.findIndex(
    (n) => n.type === 'heading' && /^troubleshooting$/i.test(plainText(n.children).trim()),
  );
  const heading = nodes[start];
  if (heading?.type !== 'heading') return [];
  const rest = nodes.slice(start + 1);
  const end = rest.findIndex((n) => n.type === 'heading' && n.depth <= heading.depth);
  return end === -1 ? rest : rest.slice(0, end);
}

function isGroup(heading: Heading, following: RootContent[]): boolean {
  const end = following.findIndex((n) => n.type === 'heading' && n.depth <= heading.depth);
  const own = end === -1 ? following : following.slice(0, end);
  const firstSub = own.findIndex((n) => n.type === 'heading');
  const intro = firstSub === -1 ? own : own.slice(0, firstSub);
  if (intro.some((n) => boldParagraph(n))) return true;
  const subs = own.filter((n): n is Heading => n.type === 'heading');
  return subs.some((sub) => !ITEM_PART.test(plainText(sub.children).trim()));
}

/** The children of a paragraph that is one bold span and nothing else. */
function boldParagraph(node: RootContent): PhrasingContent[] | undefined {
  if (node.type !== 'paragraph') return undefined;
  const [only, ...rest] = node.children.filter(
    (c) => !(c.type === 'text' && c.value.trim() === ''),
  );
  return only?.type === 'strong' && rest.length === 0 ? only.children : undefined;
}

/**
 * The error an item names. "`docker run -p` fails with `cannot expose privileged port`" names the
 * quoted part; otherwise the whole text. remark has already decoded entities and escapes.
 */
function errorOf(children: PhrasingContent[]): string {
  const quoted = /fails? with [`"“](.+?)[`"”]$/.exec(plainText(children, '`').trim());
  return quoted?.[1] ?? plainText(children).trim();
}

/** The text of inline nodes; `tick` is put around inline code. */
export function plainText(nodes: readonly PhrasingContent[], tick = ''): string {
  return nodes
    .map((node) =>
      node.type === 'text'
        ? node.value
        : node.type === 'inlineCode'
          ? `${tick}${node.value}${tick}`
          : 'children' in node
            ? plainText(node.children as PhrasingContent[], tick)
            : '',
    )
    .join('');
}
