import { dimensionStyle } from '../lib/colors.ts';

export function DimensionChip({ index, title, className }: { index: number; title: string; className?: string }) {
  return (
    <span className={`chip ${className ?? ''}`} style={dimensionStyle(index)}>
      {title}
    </span>
  );
}
