import type { CSSProperties } from 'react';
import type { BoardColor } from '@fokus/core';

/**
 * One colour per board index, used everywhere that dimension appears. Okabe–Ito (colour-blind safe).
 * `fill` is the colour itself (≥ 3:1 on the dark screen), `on` is the text colour on a fill (≥ 4.5:1),
 * `ink` is a darker tone for outlines and text on light backgrounds (≥ 4.5:1 on white).
 */
export interface DimensionColor {
  fill: string;
  on: string;
  ink: string;
}

export const DIMENSION_COLORS: readonly DimensionColor[] = [
  { fill: '#E69F00', on: '#000000', ink: '#8A5A00' },
  { fill: '#56B4E9', on: '#000000', ink: '#1C6699' },
  { fill: '#009E73', on: '#000000', ink: '#00704F' },
  { fill: '#F0E442', on: '#000000', ink: '#6E6600' },
  { fill: '#0072B2', on: '#FFFFFF', ink: '#0072B2' },
  { fill: '#D55E00', on: '#000000', ink: '#A34700' },
  { fill: '#CC79A7', on: '#000000', ink: '#99456F' },
  { fill: '#BBBBBB', on: '#000000', ink: '#595959' },
];

/** The colour names a design may give a board (core's BOARD_COLORS), each one entry of the palette above. */
const NAMED: Readonly<Record<BoardColor, number>> = { orange: 0, teal: 1, green: 2, yellow: 3, blue: 4, red: 5, purple: 6, grey: 7 };

export function dimensionColor(index: number): DimensionColor {
  const i = ((index % DIMENSION_COLORS.length) + DIMENSION_COLORS.length) % DIMENSION_COLORS.length;
  return DIMENSION_COLORS[i] as DimensionColor;
}

/**
 * CSS custom properties for a dimension, to put on any element: var(--dim), var(--dim-on), var(--dim-ink).
 * The board's own colour when the designer chose one, else the colour of its place.
 */
export function dimensionStyle(index: number, color?: string): CSSProperties {
  const named = color && Object.hasOwn(NAMED, color) ? NAMED[color as BoardColor] : undefined;
  const c = dimensionColor(named ?? index);
  return { '--dim': c.fill, '--dim-on': c.on, '--dim-ink': c.ink };
}
