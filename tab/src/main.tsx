import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { connectToTeams } from './teams.js';

void connectToTeams().then(({ inTeams, theme, entityId }) => {
  createRoot(document.getElementById('root')!).render(<App startup={{ inTeams, theme, entityId }} />);
});
