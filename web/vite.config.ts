import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The collab-server (host:port) a `vite` dev server forwards API calls and the WebSocket to:
 * the collab-server's default address, or SCRAWL_COLLAB when it runs elsewhere.
 */
const COLLAB_SERVER = process.env.SCRAWL_COLLAB ?? '127.0.0.1:3000';

/** A module path inside one of the named npm packages. */
function packages(...names: string[]): RegExp {
  const escaped = names.map((name) => name.replace(/[/.]/g, (c) => `\\${c}`));
  return new RegExp(`[\\\\/]node_modules[\\\\/](${escaped.join('|')})[\\\\/]`);
}

/**
 * Vendor chunks by library family. They change far less often than the app, so browsers keep
 * them cached across releases, and no chunk passes Vite's 500 kB warning.
 */
const VENDOR_CHUNKS = [
  { name: 'react', test: packages('react', 'react-dom', 'scheduler') },
  { name: 'konva', test: packages('konva', 'react-konva', 'react-reconciler', 'its-fine') },
  { name: 'sync', test: packages('yjs', 'lib0', 'y-protocols', '@hocuspocus', '@lifeomic') },
  { name: 'zod', test: packages('zod') },
];

function source(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.url));
}

// The shared workspaces are compiled from source, so a change in protocol/ or
// drawing-engine/ shows up in the dev server without a `tsc -b` in between.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@scrawl\/protocol$/, replacement: source('../protocol/src/index.ts') },
      { find: /^@scrawl\/drawing-engine$/, replacement: source('../drawing-engine/src/index.ts') },
    ],
    dedupe: ['yjs'],
  },
  server: {
    proxy: {
      '/api': { target: `http://${COLLAB_SERVER}` },
      '/collab': { target: `ws://${COLLAB_SERVER}`, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // livekit-client ships as one 570 kB module that cannot be split; it is loaded only when
    // a player joins voice (a dynamic import), never with the game. Every other chunk stays
    // under Vite's 500 kB default.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: { codeSplitting: { groups: VENDOR_CHUNKS } },
    },
  },
});
