interface Props {
  /** Confirmed dots, drawn filled. */
  filled: number;
  /** Unconfirmed dots, drawn outlined and pulsing. */
  pending?: number;
  /** Remaining dots, drawn as empty rings. */
  empty?: number;
  size?: 'sm' | 'md';
  label?: string;
}

/** A row of dots in the current dimension colour (var(--dim)). */
export function Dots({ filled, pending = 0, empty = 0, size = 'md', label }: Props) {
  const items: ('filled' | 'pending' | 'empty')[] = [
    ...Array<'filled'>(Math.max(0, filled)).fill('filled'),
    ...Array<'pending'>(Math.max(0, pending)).fill('pending'),
    ...Array<'empty'>(Math.max(0, empty)).fill('empty'),
  ];
  const row = items.map((kind, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: dots of a kind are interchangeable; their place in the row is all they have
    <span key={i} className={`dot dot--${kind}`} />
  ));
  // With a label the row is one image to assistive technology; without one it is decoration.
  return label ? (
    <span className={`dots dots--${size}`} role="img" aria-label={label}>
      {row}
    </span>
  ) : (
    <span className={`dots dots--${size}`} aria-hidden="true">
      {row}
    </span>
  );
}
