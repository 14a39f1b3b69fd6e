// Entry of the dashboard: the bundled fonts and styles, then the app.
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import './styles.css';
import { App } from './app.js';

new App(document.getElementById('app')!);
