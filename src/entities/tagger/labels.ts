import type { EntityType } from '../../types.js';

/** BIO labels over the three types; the index is the label id in the model. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export const N_LABELS = LABELS.length;
export const TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG'];

/** Label id of B-type / I-type. */
export function beginOf(type: EntityType): number {
  return 1 + 2 * TYPES.indexOf(type);
}

/** The entity type of a label id, or undefined for O. */
export function typeOf(label: number): EntityType | undefined {
  return label === 0 ? undefined : TYPES[(label - 1) >> 1];
}

/** True for I-* labels. */
export function isInside(label: number): boolean {
  return label > 0 && (label & 1) === 0;
}

/** BIO constraint: I-X may only follow B-X or I-X. */
export function allowed(prev: number, label: number): boolean {
  return !isInside(label) || (prev > 0 && ((prev + 1) >> 1) === ((label + 1) >> 1));
}
