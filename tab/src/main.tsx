import { createRoot } from 'react-dom/client';

function App() {
  return <main><h1>Involvement Register</h1><p>Loading…</p></main>;
}

createRoot(document.getElementById('root')!).render(<App />);
