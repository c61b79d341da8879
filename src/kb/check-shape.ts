// A small structural checker: walks plain data against a Shape and reports unknown fields,
// missing fields and wrong types with the YAML path of each, so the linter can point at the line.
import type { YamlPath } from './parse-entry.js';

export type Shape =
  | { type: 'string'; pattern?: RegExp; hint?: string }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'array'; items: Shape; minItems?: number }
  | { type: 'object'; fields: Fields }
  | { type: 'record'; values: Shape }
  | { type: 'tagged'; tag: string; common: Fields; variants: Record<string, Fields> };

export type Fields = Record<string, { shape: Shape; required?: boolean }>;

export interface ShapeProblem {
  code: 'unknown-field' | 'missing-field' | 'wrong-type';
  path: YamlPath;
  /** point at the key rather than the value (unknown fields) */
  atKey: boolean;
  message: string;
}

export function checkShape(value: unknown, shape: Shape, path: YamlPath = []): ShapeProblem[] {
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') return [wrong(value, shape, path)];
      if (shape.pattern && !shape.pattern.test(value)) return [wrong(value, shape, path)];
      return [];
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : [wrong(value, shape, path)];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [wrong(value, shape, path)];
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? []
        : [wrong(value, shape, path)];
    case 'array':
      if (!Array.isArray(value) || value.length < (shape.minItems ?? 0)) {
        return [wrong(value, shape, path)];
      }
      return value.flatMap((item, index) => checkShape(item, shape.items, [...path, index]));
    case 'record':
      if (!isPlainObject(value)) return [wrong(value, shape, path)];
      return Object.entries(value).flatMap(([key, item]) =>
        checkShape(item, shape.values, [...path, key]),
      );
    case 'object':
      if (!isPlainObject(value)) return [wrong(value, shape, path)];
      return checkFields(value, shape.fields, path);
    case 'tagged': {
      if (!isPlainObject(value)) return [wrong(value, shape, path)];
      const tag = value[shape.tag];
      const variant = typeof tag === 'string' ? shape.variants[tag] : undefined;
      if (!variant) {
        const tagShape: Shape = { type: 'enum', values: Object.keys(shape.variants) };
        const problem =
          tag === undefined
            ? missing(shape.tag, tagShape, path)
            : wrong(tag, tagShape, [...path, shape.tag]);
        return [problem];
      }
      return checkFields(value, { ...shape.common, ...variant }, path);
    }
  }
}

function checkFields(value: Record<string, unknown>, fields: Fields, path: YamlPath) {
  const problems: ShapeProblem[] = [];
  for (const key of Object.keys(value)) {
    if (!(key in fields)) {
      problems.push({
        code: 'unknown-field',
        path: [...path, key],
        atKey: true,
        message: `Unexpected field \`${key}\`${where(path, ' in')}, expected one of ${Object.keys(
          fields,
        )
          .map((name) => `\`${name}\``)
          .join(', ')}`,
      });
    }
  }
  for (const [key, field] of Object.entries(fields)) {
    if (value[key] === undefined || value[key] === null) {
      if (field.required) problems.push(missing(key, field.shape, path));
      continue;
    }
    problems.push(...checkShape(value[key], field.shape, [...path, key]));
  }
  return problems;
}

function missing(key: string, shape: Shape, path: YamlPath): ShapeProblem {
  return {
    code: 'missing-field',
    path,
    atKey: false,
    message: `Missing field \`${key}\`${where(path, ' in')}, expected ${describe(shape)}`,
  };
}

function wrong(value: unknown, shape: Shape, path: YamlPath): ShapeProblem {
  return {
    code: 'wrong-type',
    path,
    atKey: false,
    message: `Unexpected ${kindOf(value)} for \`${pathText(path)}\`, expected ${describe(shape)}`,
  };
}

export function describe(shape: Shape): string {
  switch (shape.type) {
    case 'string':
      return shape.hint ?? 'a non-empty string';
    case 'number':
      return 'a number';
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return shape.values.map((v) => `\`${v}\``).join(' or ');
    case 'array':
      return `a list${shape.minItems ? ` of at least ${shape.minItems}` : ''} of ${plural(describe(shape.items))}`;
    case 'record':
      return `a mapping of names to ${plural(describe(shape.values))}`;
    case 'object':
    case 'tagged':
      return 'a mapping';
  }
}

function plural(text: string): string {
  return text.replace(/^an? /, '').replace(/(string|number|mapping)$/, '$1s');
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  const text = String(value);
  return `${typeof value} \`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;
}

export function pathText(path: YamlPath): string {
  return path.reduce<string>(
    (text, step) => (typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${step}` : step),
    '',
  );
}

function where(path: YamlPath, prefix: string): string {
  return path.length ? `${prefix} \`${pathText(path)}\`` : '';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a list, else an empty list: rules check what they can of a broken entry. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
