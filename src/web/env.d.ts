// Side-effect stylesheet imports (antd's reset) are bundled by Vite.
declare module '*.css';
