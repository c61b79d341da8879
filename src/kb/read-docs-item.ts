// What the blocks of one troubleshooting item of Docker's page say, for its draft entry: probes
// from console blocks (`cat /proc/sys/...`, `grep ... /etc/subuid`, `systemctl --user is-active`),
// fixes from "add `key=value` to `/etc/sysctl.conf`" sentences and `$ sudo ...` lines, keywords
// from inline code, and links.
import type { PhrasingContent, RootContent } from 'mdast';
import type { Fix, ProbeSpec } from './types.js';

/** One troubleshooting item: the error it names, the group heading it sits under, and its blocks. */
export interface DocsItem {
  heading: string;
  error: string;
  nodes: RootContent[];
}

export function probesOf(item: DocsItem): ProbeSpec[] {
  const probes: ProbeSpec[] = [];
  for (const node of item.nodes) {
    if (node.type !== 'code') continue;
    const lines = node.value.split('\n');
    for (const [index, line] of lines.entries()) {
      const output = lines[index + 1]?.trim() ?? '';
      const sysctl = /^\$ cat \/proc\/sys\/([a-z0-9_/]+)\s*$/.exec(line);
      if (sysctl?.[1] && output && !output.startsWith('$')) {
        const key = sysctl[1].replaceAll('/', '.');
        probes.push({
          id: slugify(key),
          kind: 'sysctl',
          key,
          confirms: { equals: output.replace(/\s+/g, ' ') },
        });
      }
      const subid = /^\$ grep .* (\/etc\/sub[ug]id)\s*$/.exec(line);
      if (subid?.[1] && !probes.some((p) => p.kind === 'subid' && p.file === subid[1])) {
        const file = subid[1] as '/etc/subuid' | '/etc/subgid';
        probes.push({
          id: `${file.slice(5)}-range`,
          kind: 'subid',
          file,
          confirms: { missing: true },
        });
      }
      const unit = /^\$ systemctl --user is-active ([a-z0-9@._-]+)\s*$/.exec(line);
      if (unit?.[1] && output === 'inactive') {
        probes.push({
          id: `${unit[1]}-active`,
          kind: 'service',
          unit: unit[1],
          scope: 'user',
          confirms: { active: false },
        });
      }
    }
  }
  return probes;
}

export function fixesOf(item: DocsItem, prose: string[]): Fix[] {
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
    const commands = node.value
      .split('\n')
      .filter((l) => /^\$ (sudo|export|systemctl|ssh|docker run -p \d{4,})/.test(l));
    for (const line of commands) {
      const command = line.slice(2).trim();
      if (fixes.some((f) => f.command === command)) continue;
      fixes.push({
        text: `Run \`${truncate(command, 60)}\`.`,
        command,
        root: command.startsWith('sudo '),
      });
    }
  }
  if (fixes.length === 0) {
    fixes.push({
      text: truncate(firstSentence(prose.at(-1) ?? 'See the linked documentation.'), 200),
      root: false,
    });
  }
  return fixes;
}

export function keywordsOf(item: DocsItem): string[] {
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

export function linksOf(item: DocsItem): string[] {
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

export function firstSentence(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const end = plain.search(/[.:](\s|$)/);
  return end === -1 ? plain : `${plain.slice(0, end)}.`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function slugify(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/<[^>]*>/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w) && !STOP_WORDS.has(w));
  return words.slice(-6).join('-');
}

const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'to',
  'of',
  'is',
  'in',
  'on',
  'with',
  'when',
  'error',
  'errors',
  'rootlesskit',
  'parent',
  'docker',
]);
