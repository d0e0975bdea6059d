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
  return (
    <span className={`dots dots--${size}`} role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true}>
      {items.map((kind, i) => (
        <span key={i} className={`dot dot--${kind}`} />
      ))}
    </span>
  );
}
