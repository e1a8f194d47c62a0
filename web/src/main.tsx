import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyTheme } from './lib/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/home.css';
import './styles/room.css';
import './styles/game.css';
import './styles/board.css';
import './styles/replay.css';
import './styles/voice.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
applyTheme();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
