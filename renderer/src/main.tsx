import './i18n/index.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyLaunchParams } from './api/serve-access.ts';
import { applyTheme } from './settings.ts';

// Served over HTTP: the address may ask for text-only reading or carry a write token.
if (!window.archive) applyLaunchParams();
applyTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
