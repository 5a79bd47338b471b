/**
 * An image from the web, loaded as Obsidian loads it (the page CSP allows `https:` images), sent
 * without a referrer so the host does not learn which note shows it. When it cannot load (offline,
 * gone, plain `http:`), the reader says what was there instead of showing nothing: its alt text and
 * host, as a link to it.
 */
import { useState } from 'react';
import type { EmbedSize } from './embed-size';

export function RemoteImage({ src, alt, size }: { src: string; alt: string; size: EmbedSize | null }) {
  const [failed, setFailed] = useState(false);
  const host = hostOf(src);
  if (failed || !src.toLowerCase().startsWith('https:')) {
    return (
      <a
        className="remote-image-fallback external"
        href={src}
        target="_blank"
        rel="noopener noreferrer"
        data-remote-image="unavailable"
      >
        <span className="remote-image-icon" aria-hidden="true" />
        <span className="remote-image-alt">{alt || 'Image'}</span>
        {host && <span className="remote-image-host"> ({host})</span>}
      </a>
    );
  }
  return (
    <img
      className="remote-image"
      src={src}
      alt={alt}
      referrerPolicy="no-referrer"
      loading="lazy"
      width={size?.width}
      height={size?.height ?? undefined}
      onError={() => setFailed(true)}
    />
  );
}

function hostOf(src: string): string | null {
  try {
    return new URL(src).host || null;
  } catch {
    return null;
  }
}
