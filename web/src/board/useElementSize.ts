import { useEffect, useState } from 'react';

/** An element's content box in whole CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

const NO_SIZE: Size = { width: 0, height: 0 };

/** The size of an element, kept current with a ResizeObserver (0×0 until measured). */
export function useElementSize(element: Element | null): Size {
  const [size, setSize] = useState<Size>(NO_SIZE);
  useEffect(() => {
    if (!element) return undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      const width = Math.floor(box.width);
      const height = Math.floor(box.height);
      setSize((prev) =>
        prev.width === width && prev.height === height ? prev : { width, height },
      );
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return size;
}
