import { useLayoutEffect, useRef } from 'react';
import type { TextareaHTMLAttributes } from 'react';

const sizesItself = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/**
 * A text field as tall as its text, so nothing is ever cut: CSS `field-sizing: content` where the browser has it
 * (console.css, .grow-field), otherwise measured after each change.
 */
export function GrowTextarea({ className, value, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the text, so the text is the dependency
  useLayoutEffect(() => {
    const el = ref.current;
    if (sizesItself || !el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [value]);
  return <textarea ref={ref} rows={1} className={`grow-field ${className ?? ''}`} value={value} {...props} />;
}
