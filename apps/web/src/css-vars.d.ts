import 'react';

declare module 'react' {
  interface CSSProperties {
    /** CSS custom properties (the dimension colour, fit scale, bar width...). */
    [key: `--${string}`]: string | number | undefined;
  }
}
