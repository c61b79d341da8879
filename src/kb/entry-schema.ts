// The front matter of a KB entry as a Shape: the single source of which fields exist, which are
// required and what type each has. Keep it in step with src/kb/types.ts (EntrySource, ProbeSpec).
import type { Fields, Shape } from './check-shape.js';
import type { ProbeKindSchemas } from './probe-kind-schema.js';
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
    within: { shape: text },
    'equals-capture': { shape: text },
    'differs-from-capture': { shape: text },
    'above-capture': { shape: text },
  },
};

/** A probe: the common fields, then the target fields of its kind, from the kinds registry. */
function probeShape(kinds: ProbeKindSchemas): Shape {
  return {
    type: 'tagged',
    tag: 'kind',
    common: {
      id: { shape: kebab, required: true },
      kind: { shape: text, required: true },
      confirms: { shape: condition, required: true },
      otherwise: { shape: { type: 'enum', values: ['ruled-out', 'unknown'] } },
      excludes: { shape: { type: 'boolean' } },
    },
    variants: Object.fromEntries(Object.entries(kinds).map(([kind, schema]) => [kind, schema.fields])),
  };
}

function entryFields(kinds: ProbeKindSchemas): Fields {
  return {
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
        fields: {
          regex: { shape: text, required: true },
          literal: { shape: text },
          weak: { shape: { type: 'boolean' } },
        },
      },
    },
    required: true,
  },
  captures: { shape: { type: 'record', values: text } },
  probes: { shape: { type: 'array', items: probeShape(kinds) } },
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
          systemd: { shape: { type: 'boolean' } },
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
}


export function entryShape(kinds: ProbeKindSchemas): Shape {
  return { type: 'object', fields: entryFields(kinds) };
}

/** Body sections in the order they must appear. */
export const SECTIONS = ['Cause', 'Fix', 'Verify', 'Notes'] as const;
export const REQUIRED_SECTIONS: readonly string[] = ['Cause', 'Fix'];
