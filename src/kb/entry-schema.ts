// The front matter of a KB entry as a Shape: the single source of which fields exist, which are
// required and what type each has. Keep it in step with src/kb/types.ts (EntrySource, ProbeSpec).
import type { Fields, Shape } from './check-shape.js';
import { VERSIONED_COMPONENTS } from './types.js';

const text: Shape = { type: 'string' };
const texts: Shape = { type: 'array', items: text };
const kebab: Shape = {
  type: 'string',
  pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  hint: 'a kebab-case id',
};
const url: Shape = { type: 'string', pattern: /^https:\/\/\S+$/, hint: 'an https:// link' };

const condition: Shape = {
  type: 'object',
  fields: {
    equals: { shape: text },
    matches: { shape: text },
    below: { shape: { type: 'number' } },
    above: { shape: { type: 'number' } },
    missing: { shape: { type: 'boolean' } },
    privileged: { shape: { type: 'boolean' } },
    active: { shape: { type: 'boolean' } },
    exit: { shape: { type: 'number' } },
  },
};

const probe: Shape = {
  type: 'tagged',
  tag: 'kind',
  common: {
    id: { shape: kebab, required: true },
    kind: { shape: text, required: true },
    confirms: { shape: condition, required: true },
    otherwise: { shape: { type: 'enum', values: ['ruled-out', 'unknown'] } },
  },
  variants: {
    sysctl: { key: { shape: { type: 'string', pattern: /^[a-z0-9_]+(\.[a-z0-9_-]+)+$/, hint: 'a sysctl name like `user.max_user_namespaces`' }, required: true } },
    file: { path: { shape: { type: 'string', pattern: /^(~\/|\/|\$(HOME|XDG_RUNTIME_DIR)\b)/, hint: 'an absolute path (may start with `~/`, `$HOME` or `$XDG_RUNTIME_DIR`)' }, required: true } },
    subid: { file: { shape: { type: 'enum', values: ['/etc/subuid', '/etc/subgid'] }, required: true } },
    binary: { name: { shape: { type: 'string', pattern: /^[A-Za-z0-9._+-]+$/, hint: 'a program name' }, required: true } },
    env: { name: { shape: { type: 'string', pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, hint: 'a variable name' }, required: true } },
    command: { argv: { shape: { type: 'array', items: text, minItems: 1 }, required: true } },
    service: {
      unit: { shape: text, required: true },
      scope: { shape: { type: 'enum', values: ['user', 'system'] }, required: true },
    },
  },
};

const entryFields: Fields = {
  title: { shape: text, required: true },
  summary: { shape: text, required: true },
  severity: { shape: { type: 'enum', values: ['error', 'warning', 'info'] }, required: true },
  role: { shape: { type: 'enum', values: ['cause', 'consequence', 'benign'] } },
  tags: { shape: { type: 'array', items: kebab }, required: true },
  keywords: { shape: texts, required: true },
  'shares-with': { shape: { type: 'array', items: kebab } },
  signatures: {
    shape: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        fields: { regex: { shape: text, required: true }, literal: { shape: text } },
      },
    },
    required: true,
  },
  captures: { shape: { type: 'record', values: text } },
  probes: { shape: { type: 'array', items: probe } },
  affects: {
    shape: {
      type: 'object',
      fields: Object.fromEntries(VERSIONED_COMPONENTS.map((name) => [name, { shape: text }])),
    },
  },
  symptoms: { shape: { type: 'array', items: text, minItems: 1 } },
  collect: {
    shape: {
      type: 'object',
      fields: { command: { shape: text, required: true }, text: { shape: text, required: true } },
    },
  },
  fixes: {
    shape: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        fields: {
          text: { shape: text, required: true },
          command: { shape: text },
          root: { shape: { type: 'boolean' }, required: true },
          destructive: { shape: { type: 'boolean' } },
        },
      },
    },
    required: true,
  },
  examples: {
    shape: {
      type: 'object',
      fields: {
        match: {
          shape: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              fields: {
                text: { shape: text, required: true },
                captures: { shape: { type: 'record', values: { type: 'string' } } },
              },
            },
          },
          required: true,
        },
        'no-match': { shape: { type: 'array', items: text, minItems: 1 }, required: true },
      },
    },
    required: true,
  },
  links: { shape: { type: 'array', items: url, minItems: 1 }, required: true },
};

export const ENTRY_SHAPE: Shape = { type: 'object', fields: entryFields };

/** Body sections in the order they must appear. */
export const SECTIONS = ['Cause', 'Fix', 'Verify', 'Notes'] as const;
export const REQUIRED_SECTIONS: readonly string[] = ['Cause', 'Fix'];

/** Which condition keys each probe kind understands. */
export const CONDITIONS_BY_KIND: Record<string, readonly string[]> = {
  sysctl: ['equals', 'matches', 'below', 'above', 'missing'],
  file: ['missing', 'matches', 'equals'],
  subid: ['missing', 'below', 'above'],
  binary: ['missing', 'privileged'],
  env: ['missing', 'equals', 'matches'],
  command: ['matches', 'equals', 'exit'],
  service: ['active'],
  version: ['within'],
};
